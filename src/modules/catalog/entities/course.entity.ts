import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
/** draft: never published; published: in the catalogue; archived: out of it, enrolments kept. */
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/**
 * A course as a lasting identity. Its content lives in versions: the published one is
 * frozen, and editing happens in a draft version that replaces it when published.
 */
@Entity('course')
@Index('IDX_course_status', ['status', 'publishedAt'])
export class Course {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  status: CourseStatus;

  /** The unit of the instructor who created it (the issuing unit of its certificates). */
  @Column({ name: 'owner_unit_id', type: 'varchar', length: 36, nullable: true })
  ownerUnitId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'published_version_id', type: 'varchar', length: 36, nullable: true })
  publishedVersionId: string | null;

  @Column({ name: 'draft_version_id', type: 'varchar', length: 36, nullable: true })
  draftVersionId: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
