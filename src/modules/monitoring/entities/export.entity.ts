import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** A dashboard table or people list an admin asked to download, built by a queued job. */
@Entity('mon_export')
@Index('IDX_mon_export_owner', ['requestedBy', 'createdAt'])
export class MonExport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Who asked; the job re-reads this person's scope from the database, never from the payload. */
  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy: string;

  /** Which table (e.g. 'jp-children', 'people'). */
  @Column({ type: 'varchar', length: 30 })
  kind: string;

  /** JSON of the table's filters (node, year, course, competency, metric, ...). */
  @Column({ type: 'text' })
  params: string;

  @Column({ type: 'varchar', length: 4 })
  format: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 8 })
  status: ExportStatus;

  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;
}
