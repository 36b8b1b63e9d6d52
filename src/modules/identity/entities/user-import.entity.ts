import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** One bulk import of ASN from a CSV or XLSX file, run as a queued job. */
@Entity('user_import')
@Index('IDX_user_import_creator', ['createdById', 'createdAt'])
export class UserImport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'created_by_id', type: 'varchar', length: 36 })
  createdById: string;

  /** The importer's scope at the time: rows for units outside it are refused. Null = national. */
  @Column({ name: 'scope_region_code', type: 'varchar', length: 20, nullable: true })
  scopeRegionCode: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_key', type: 'varchar', length: 255 })
  fileKey: string;

  @Column({ type: 'varchar', length: 4 })
  format: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 10 })
  status: ImportStatus;

  @Column({ name: 'total_rows', type: 'int', default: 0 })
  totalRows: number;

  /** Rows handled so far (committed); a re-run resumes after them. */
  @Column({ name: 'processed_rows', type: 'int', default: 0 })
  processedRows: number;

  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount: number;

  @Column({ name: 'updated_count', type: 'int', default: 0 })
  updatedCount: number;

  @Column({ name: 'unchanged_count', type: 'int', default: 0 })
  unchangedCount: number;

  @Column({ name: 'error_count', type: 'int', default: 0 })
  errorCount: number;

  @Column({ name: 'failure', type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
