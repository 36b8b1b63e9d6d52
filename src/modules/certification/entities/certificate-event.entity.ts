import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CertificateAction = 'issued' | 'revoked' | 'reissued';

/** Audit of what happened to a certificate and who did it. */
@Entity('certificate_event')
@Index('IDX_certificate_event_certificate', ['certificateId', 'at'])
export class CertificateEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'certificate_id', type: 'varchar', length: 36 })
  certificateId: string;

  @Column({ type: 'varchar', length: 10 })
  action: CertificateAction;

  /** Null when the platform did it (issuance on completion). */
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
