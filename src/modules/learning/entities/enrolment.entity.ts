import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ENROLMENT_STATUSES = ['requested', 'active', 'completed', 'rejected'] as const;
/** requested: waiting for a unit admin (approval courses); active: learning; completed: the rule was met. */
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Active or completed: the learner may learn (a request waits, a rejection ended it). */
export function isLearning(enrolment: Pick<Enrolment, 'status'>): boolean {
  return enrolment.status === 'active' || enrolment.status === 'completed';
}

/** A learner in a course, on the version they started (until an instructor migrates them). */
@Entity('enrolment')
@Index('UQ_enrolment_user_course', ['userId', 'courseId'], { unique: true })
@Index('IDX_enrolment_user_status', ['userId', 'status'])
@Index('IDX_enrolment_course_status', ['courseId', 'status'])
@Index('IDX_enrolment_region', ['regionCode', 'status'])
// Covers monitoring's recount of a course's enrolments in one unit (no table rows read).
@Index('IDX_enrolment_course_unit', ['courseId', 'unitId', 'assignmentId', 'status', 'deadline'])
export class Enrolment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  /** The learner's region when enrolled, so that a unit admin's scope filter needs no join. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  /** The learner's unit when enrolled (monitoring counts a course's enrolments per unit). */
  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: EnrolmentStatus;

  @Column({ type: 'varchar', length: 10 })
  source: 'self' | 'assigned';

  @Column({ name: 'assignment_id', type: 'varchar', length: 36, nullable: true })
  assignmentId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadline: Date | null;

  @Column({ name: 'last_lesson_id', type: 'varchar', length: 36, nullable: true })
  lastLessonId: string | null;

  @Column({ name: 'enrolled_at', type: 'datetime', precision: 3 })
  enrolledAt: Date;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
