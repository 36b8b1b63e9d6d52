import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An e-mail address the mail server refused for good (5xx on RCPT). Nothing is sent to it
 * until an admin clears the mark (after the person's address was corrected, say).
 */
@Entity('notification_address_failure')
@Index('UQ_address_failure_email', ['email'], { unique: true })
@Index('IDX_address_failure_region', ['regionCode'])
@Index('IDX_address_failure_user', ['userId'])
export class AddressFailure {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** Lower-case, as identity stores it. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The person's region when it failed, so that a unit admin's scope filter needs no join. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'smtp_code', type: 'integer' })
  smtpCode: number;

  @Column({ type: 'varchar', length: 300 })
  reason: string;

  @Column({ name: 'failed_at', type: 'datetime', precision: 3 })
  failedAt: Date;
}
