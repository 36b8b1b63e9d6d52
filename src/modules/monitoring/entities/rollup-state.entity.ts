import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row ('rollups'): every leaf refresh takes it shared and the rebuild takes it
 * exclusively, so a rebuild never interleaves with increments (see rollups/README in docs).
 * It also tells the dashboards when the rollups were last rebuilt.
 */
@Entity('mon_state')
export class MonState {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id: string;

  @Column({ name: 'rebuilt_at', type: 'datetime', precision: 3, nullable: true })
  rebuiltAt: Date | null;
}

export const REBUILD_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RebuildStatus = (typeof REBUILD_STATUSES)[number];

/** One run of the rebuild job (progress for the admin page). */
@Entity('mon_rebuild')
export class MonRebuild {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 8 })
  status: RebuildStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phase: string | null;

  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ name: 'requested_by', type: 'varchar', length: 36, nullable: true })
  requestedBy: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
