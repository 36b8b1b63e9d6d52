import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The record that a message went out: at most one per (event, recipient, channel). A send
 * job that finds its row sends nothing. A digest is an event of its own (`digest:<day>`).
 */
@Entity('notification_delivery')
@Index('UQ_notification_delivery', ['eventKey', 'recipientId', 'channel'], { unique: true })
export class NotificationDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'event_key', type: 'varchar', length: 150 })
  eventKey: string;

  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId: string;

  @Column({ type: 'varchar', length: 10 })
  channel: string;

  @Column({ name: 'message_id', type: 'varchar', length: 200 })
  messageId: string;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt: Date;
}
