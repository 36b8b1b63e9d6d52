import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Leaf of the competency coverage rollups: one ASN against the standard of their position
 * (required level per competency) and their best evidence, as last applied.
 */
@Entity('mon_competency_person')
@Index('IDX_mon_competency_person_unit', ['unitId'])
@Index('IDX_mon_competency_person_region', ['regionCode'])
export class MonCompetencyPerson {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'boolean', default: false })
  applied: boolean;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ name: 'position_id', type: 'varchar', length: 36, nullable: true })
  positionId: string | null;

  /** JSON {"M.01": [required, reached]} over the competencies the position requires. */
  @Column({ type: 'text', nullable: true })
  levels: string | null;

  @Column({ type: 'int', default: 0 })
  required: number;

  @Column({ type: 'int', default: 0 })
  met: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
