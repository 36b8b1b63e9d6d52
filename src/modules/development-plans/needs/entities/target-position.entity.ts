import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The next position an ASN aims for (set by themselves or a unit admin); one per person. */
@Entity('target_position')
export class TargetPosition {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'position_id', type: 'varchar', length: 36 })
  positionId: string;

  @Column({ name: 'set_by', type: 'varchar', length: 36 })
  setBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
