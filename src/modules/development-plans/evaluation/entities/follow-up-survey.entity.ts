import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const FOLLOW_UP_ROLES = ['learner', 'supervisor'] as const;
export type FollowUpRole = (typeof FOLLOW_UP_ROLES)[number];

/** scheduled (due later) → sent (reminded every 7 days) → answered | expired. */
export const FOLLOW_UP_STATUSES = ['scheduled', 'sent', 'answered', 'expired'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const APPLIED_ANSWERS = ['yes', 'partly', 'not_yet'] as const;
export type AppliedAnswer = (typeof APPLIED_ANSWERS)[number];

/**
 * Level 3 (behaviour): one follow-up question to one respondent (the learner or their
 * supervisor) about one completed enrolment. The due date is stored; a daily scan sends it.
 */
@Entity('follow_up_survey')
@Index('UQ_follow_up_survey_enrolment_role', ['enrolmentId', 'role'], { unique: true })
@Index('IDX_follow_up_survey_due', ['status', 'dueAt'])
@Index('IDX_follow_up_survey_respondent', ['respondentId', 'status'])
@Index('IDX_follow_up_survey_course', ['courseId', 'role'])
// Covers the totals per unit and year (EvaluationTotalsQuery): read from the index alone.
@Index('IDX_follow_up_survey_unit_totals', ['unitId', 'answerYear', 'status', 'applied'])
export class FollowUpSurvey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'enrolment_id', type: 'varchar', length: 36 })
  enrolmentId: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'learner_id', type: 'varchar', length: 36 })
  learnerId: string;

  /** Who answers: the learner, or the learner's supervisor (refreshed until it is sent). */
  @Column({ name: 'respondent_id', type: 'varchar', length: 36 })
  respondentId: string;

  @Column({ type: 'varchar', length: 10 })
  role: FollowUpRole;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status: FollowUpStatus;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3 })
  completedAt: Date;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ name: 'first_sent_at', type: 'datetime', precision: 3, nullable: true })
  firstSentAt: Date | null;

  @Column({ name: 'last_sent_at', type: 'datetime', precision: 3, nullable: true })
  lastSentAt: Date | null;

  @Column({ type: 'int', default: 0 })
  reminders: number;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  applied: AppliedAnswer | null;

  /** Examples of use at work: plain text (escaped where shown), at most 1000 characters. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  examples: string | null;

  @Column({ name: 'expired_at', type: 'datetime', precision: 3, nullable: true })
  expiredAt: Date | null;

  /** The learner's unit when the follow-up was scheduled (monitoring sums results per unit). */
  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  /** The WIB year of the answer (set with it), so that a unit's results of a year are one index range. */
  @Column({ name: 'answer_year', type: 'int', nullable: true })
  answerYear: number | null;
}
