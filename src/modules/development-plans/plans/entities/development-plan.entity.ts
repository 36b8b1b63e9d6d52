import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'endorsed',
  'approved',
  'in_progress',
  'closed',
] as const;
/**
 * draft (the ASN edits) → submitted → endorsed by the supervisor (or returned to the ASN)
 * → approved by the unit admin (or returned) → in_progress → closed at year end.
 */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An ASN's individual development plan for one year (PP 11/2017 Pasal 205-206). */
@Entity('development_plan')
@Index('UQ_development_plan_user_year', ['userId', 'year'], { unique: true })
@Index('IDX_development_plan_region', ['regionCode', 'year', 'status'])
@Index('IDX_development_plan_supervisor', ['supervisorId', 'status'])
export class DevelopmentPlan {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 12 })
  status: PlanStatus;

  /** Copied from the ASN when the plan is created or submitted, so scope filters need no join. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  /** The direct supervisor who reviews this plan (copied at submission). */
  @Column({ name: 'supervisor_id', type: 'varchar', length: 36, nullable: true })
  supervisorId: string | null;

  /** The yearly JP target for the ASN's employee type, in tenths (200 = 20 JP). */
  @Column({ name: 'target_jp_tenths', type: 'int' })
  targetJpTenths: number;

  @Column({ name: 'planned_jp_tenths', type: 'int', default: 0 })
  plannedJpTenths: number;

  /** Every JP credited to the ASN in the plan's year (from the ledger), in tenths. */
  @Column({ name: 'earned_jp_tenths', type: 'int', default: 0 })
  earnedJpTenths: number;

  /** The closing summary written at year end. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Optimistic lock: every write checks and bumps it, so two tabs cannot overwrite each other. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
