import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationCategory } from '../domain/categories';

/**
 * Where the e-mail copy of a notification stands. pending: not routed yet; digest: waits
 * for the daily digest; queued: an immediate e-mail is on its way (maybe after quiet
 * hours); sent; skipped: e-mail is off, there is no address, or it bounced before; failed:
 * the server refused it for good.
 */
export type EmailStatus = 'pending' | 'digest' | 'queued' | 'sent' | 'skipped' | 'failed';

/** One happening for one person: the in-app copy, and the state of its e-mail. */
@Entity('notification')
@Index('UQ_notification_event_recipient', ['eventKey', 'recipientId'], { unique: true })
@Index('IDX_notification_unread', ['recipientId', 'readAt'])
@Index('IDX_notification_recipient_created', ['recipientId', 'createdAt'])
@Index('IDX_notification_email', ['emailStatus', 'recipientId'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The producer's stable id of the happening: the same event notified twice is one row. */
  @Column({ name: 'event_key', type: 'varchar', length: 150 })
  eventKey: string;

  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId: string;

  @Column({ type: 'varchar', length: 40 })
  category: NotificationCategory;

  /** What the template shows, as the producer gave it (JSON of strings and numbers). */
  @Column({ name: 'params_json', type: 'text' })
  paramsJson: string;

  /** A path inside the platform (/kursus/<id>), or null. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ name: 'email_status', type: 'varchar', length: 10, default: 'pending' })
  emailStatus: EmailStatus;

  /** The digest that took this item (claimed before sending, so a retry lists the same items). */
  @Column({ name: 'digest_key', type: 'varchar', length: 40, nullable: true })
  digestKey: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'emailed_at', type: 'datetime', precision: 3, nullable: true })
  emailedAt: Date | null;
}
