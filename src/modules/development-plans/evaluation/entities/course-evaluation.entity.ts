import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Level 1 (reaction): the post-course questionnaire of one completed enrolment. The row is
 * the request; the answer fills it in once (answered_at set together with the scores).
 */
@Entity('course_evaluation')
@Index('UQ_course_evaluation_enrolment', ['enrolmentId'], { unique: true })
@Index('IDX_course_evaluation_course', ['courseId', 'answeredAt'])
@Index('IDX_course_evaluation_user', ['userId', 'answeredAt'])
// Covers the totals per unit and year (EvaluationTotalsQuery): read from the index alone.
@Index('IDX_course_evaluation_unit_totals', [
  'unitId',
  'answerYear',
  'answeredAt',
  'material',
  'delivery',
  'usefulness',
])
export class CourseEvaluation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'enrolment_id', type: 'varchar', length: 36 })
  enrolmentId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3 })
  completedAt: Date;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  /** 1-5 (sangat kurang … sangat baik); null until answered. */
  @Column({ type: 'int', nullable: true })
  material: number | null;

  @Column({ type: 'int', nullable: true })
  delivery: number | null;

  @Column({ type: 'int', nullable: true })
  usefulness: number | null;

  /** Plain text (escaped where shown), at most 1000 characters. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  /** The learner's unit when the request was opened (monitoring sums results per unit). */
  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  /** The WIB year of the answer (set with it), so that a unit's results of a year are one index range. */
  @Column({ name: 'answer_year', type: 'int', nullable: true })
  answerYear: number | null;
}
