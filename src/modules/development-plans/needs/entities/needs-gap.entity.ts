import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { GoalPriority } from '../../plans/entities';

/**
 * One competency gap of one ASN, as the last needs analysis over them found it. Only
 * competencies with a gap (current or target position) get a row. Region and unit are
 * copied from the person so the agency view groups these rows alone, from the indexes.
 */
@Entity('needs_gap')
@Index('IDX_needs_gap_region', ['regionCode', 'unitId', 'competencyCode', 'gap', 'requiredLevel', 'priority'])
@Index('IDX_needs_gap_unit', ['unitId', 'competencyCode', 'gap', 'requiredLevel', 'priority'])
export class NeedsGap {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ name: 'required_level', type: 'int', nullable: true })
  requiredLevel: number | null;

  @Column({ name: 'target_required_level', type: 'int', nullable: true })
  targetRequiredLevel: number | null;

  @Column({ name: 'current_level', type: 'int' })
  currentLevel: number;

  @Column({ name: 'current_source', type: 'varchar', length: 10, nullable: true })
  currentSource: string | null;

  /** Gap to the current position (0 when only the target position requires more). */
  @Column({ type: 'int' })
  gap: number;

  @Column({ name: 'target_gap', type: 'int', nullable: true })
  targetGap: number | null;

  @Column({ type: 'varchar', length: 6 })
  priority: GoalPriority;

  /** The run that wrote the row: a re-run sweeps its population's rows of older runs. */
  @Column({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;
}
