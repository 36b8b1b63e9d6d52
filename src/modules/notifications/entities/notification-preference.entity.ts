import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's choice for one category on one channel; absent means the default. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  category: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  channel: string;

  /** in_app: on | off; email: auto | immediate | digest | off. */
  @Column({ type: 'varchar', length: 10 })
  mode: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
