import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's quiet hours (WIB minutes since midnight); no row means the default 21:00–06:00. */
@Entity('notification_setting')
export class NotificationSetting {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** Null (with quiet_end) when the person wants no quiet hours. */
  @Column({ name: 'quiet_start', type: 'integer', nullable: true })
  quietStart: number | null;

  @Column({ name: 'quiet_end', type: 'integer', nullable: true })
  quietEnd: number | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
