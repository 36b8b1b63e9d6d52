import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ENROLMENT_MODES = ['self', 'assigned', 'approval'] as const;
/** self: anyone in the audience enrols; assigned: only a unit admin enrols people; approval: a request a unit admin approves. */
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

export const VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** One version of a course's content; frozen once published. */
@Entity('course_version')
@Index('UQ_course_version_number', ['courseId', 'number'], { unique: true })
export class CourseVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 12 })
  status: VersionStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'cover_key', type: 'varchar', length: 120, nullable: true })
  coverKey: string | null;

  @Column({ name: 'cover_mime', type: 'varchar', length: 100, nullable: true })
  coverMime: string | null;

  /** JP credited on completion, in tenths (25 = 2.5 JP), so that sums stay exact. */
  @Column({ name: 'jp_tenths', type: 'int' })
  jpTenths: number;

  @Column({ name: 'enrolment_mode', type: 'varchar', length: 12 })
  enrolmentMode: EnrolmentMode;

  @Column({ name: 'audience_everyone', type: 'boolean', default: true })
  audienceEveryone: boolean;

  /** Lessons must be done in the order given (a later lesson opens once the earlier required ones are done). */
  @Column({ name: 'in_order', type: 'boolean', default: false })
  inOrder: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadline: Date | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
