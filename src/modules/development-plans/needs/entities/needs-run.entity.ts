import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const NEEDS_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type NeedsRunStatus = (typeof NEEDS_RUN_STATUSES)[number];

/** A needs analysis of a population (a region subtree, optionally one unit), walked in batches. */
@Entity('needs_run')
@Index('IDX_needs_run_region', ['regionCode', 'createdAt'])
export class NeedsRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'region_code', type: 'varchar', length: 20 })
  regionCode: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ type: 'varchar', length: 8 })
  status: NeedsRunStatus;

  /** People analysed so far, and the gap rows written for them. */
  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ name: 'gap_rows', type: 'int', default: 0 })
  gapRows: number;

  /** The last person of the last committed batch: a retry resumes after it. */
  @Column({ name: 'after_id', type: 'varchar', length: 36, nullable: true })
  afterId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
