import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SESSION_STATUSES = ['pending', 'confirmed', 'disputed'] as const;
/** pending: logged by one side; confirmed by the other (JP credited); disputed by the other (nothing credited). */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One mentoring session, logged by the mentor or the mentee and answered by the other. */
@Entity('mentoring_session')
@Index('IDX_mentoring_session_pairing', ['pairingId', 'heldOn'])
export class MentoringSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'pairing_id', type: 'varchar', length: 36 })
  pairingId: string;

  @Column({ name: 'logged_by', type: 'varchar', length: 36 })
  loggedBy: string;

  /** The day it took place (YYYY-MM-DD, WIB). */
  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: SessionStatus;

  /** JP credited to the mentee on confirmation, in tenths (0 until then). */
  @Column({ name: 'jp_tenths', type: 'int', default: 0 })
  jpTenths: number;

  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'dispute_reason', type: 'varchar', length: 500, nullable: true })
  disputeReason: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
