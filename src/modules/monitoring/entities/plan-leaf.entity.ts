import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Leaf of the plan rollups: one development plan's status, as last applied. */
@Entity('mon_plan_leaf')
export class MonPlanLeaf {
  @PrimaryColumn({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ type: 'boolean', default: false })
  applied: boolean;

  @Column({ type: 'int', default: 0 })
  year: number;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ type: 'varchar', length: 20, default: '' })
  status: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
