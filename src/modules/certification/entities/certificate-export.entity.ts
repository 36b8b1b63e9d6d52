import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A ZIP of a course's certificates, built by a job for the admin who asked. */
@Entity('certificate_export')
@Index('IDX_certificate_export_requester', ['requestedBy', 'createdAt'])
export class CertificateExport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy: string;

  @Column({ type: 'varchar', length: 8 })
  status: ExportStatus;

  @Column({ type: 'int' })
  total: number;

  @Column({ name: 'done_count', type: 'int' })
  doneCount: number;

  @Column({ name: 'file_key', type: 'varchar', length: 120, nullable: true })
  fileKey: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** The scope the ZIP holds: 'national' or a region code (null: built before it was kept). */
  @Column({ name: 'built_for', type: 'varchar', length: 20, nullable: true })
  builtFor: string | null;

  /** After this the file is deleted by housekeeping. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
