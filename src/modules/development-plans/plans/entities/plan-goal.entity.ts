import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const GOAL_PRIORITIES = ['high', 'medium', 'low'] as const;
export type GoalPriority = (typeof GOAL_PRIORITIES)[number];

/** A goal of a plan: bring one competency from its level at planning time to a target level. */
@Entity('plan_goal')
@Index('UQ_plan_goal_competency', ['planId', 'competencyCode'], { unique: true })
export class PlanGoal {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  /** The level when the plan was drafted (0 = no evidence). */
  @Column({ name: 'baseline_level', type: 'int' })
  baselineLevel: number;

  @Column({ name: 'target_level', type: 'int' })
  targetLevel: number;

  /** Recomputed from evidence whenever a completion arrives. */
  @Column({ name: 'current_level', type: 'int' })
  currentLevel: number;

  @Column({ type: 'varchar', length: 6 })
  priority: GoalPriority;

  @Column({ name: 'reached_at', type: 'datetime', precision: 3, nullable: true })
  reachedAt: Date | null;

  @Column({ type: 'int' })
  position: number;
}
