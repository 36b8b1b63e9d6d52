import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Leaf of the evaluation rollups: a unit's Kirkpatrick results of a year (L1 reaction scores,
 * L2 learning gains, L3 application), recomputed from the evaluation tables for that unit.
 * Scores are kept as sums in hundredths so that averages of any subtree are exact.
 */
@Entity('mon_evaluation_leaf')
export class MonEvaluationLeaf {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @PrimaryColumn({ name: 'unit_key', type: 'varchar', length: 36 })
  unitKey: string;

  @Column({ type: 'boolean', default: false })
  applied: boolean;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'l1_sum', type: 'int', default: 0 })
  l1Sum: number;

  @Column({ name: 'l1_count', type: 'int', default: 0 })
  l1Count: number;

  @Column({ name: 'l2_gain_sum', type: 'int', default: 0 })
  l2GainSum: number;

  @Column({ name: 'l2_count', type: 'int', default: 0 })
  l2Count: number;

  @Column({ name: 'l3_applied', type: 'int', default: 0 })
  l3Applied: number;

  @Column({ name: 'l3_answered', type: 'int', default: 0 })
  l3Answered: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
