import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LongTextColumn } from '../../../../libs/database/long-text';

export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'awaiting_manual', 'graded', 'failed'] as const;
/**
 * in_progress → submitted (by the learner or the timer) → graded, or awaiting_manual
 * while essays wait for a person, then graded. failed: grading hit a permanent error;
 * an instructor can replay it. Every transition is a conditional update on the status,
 * so a duplicate submit or a redelivered job changes nothing.
 */
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

@Entity('quiz_attempt')
@Index('UQ_quiz_attempt_number', ['quizId', 'userId', 'number'], { unique: true })
@Index('IDX_quiz_attempt_quiz_status', ['quizId', 'status'])
@Index('IDX_quiz_attempt_user', ['userId', 'quizId'])
export class QuizAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'quiz_id', type: 'varchar', length: 36 })
  quizId: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 16 })
  status: AttemptStatus;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  /** The server's deadline (time limit and close date); null when untimed. */
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true })
  dueAt: Date | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 8, nullable: true })
  closedBy: 'learner' | 'timer' | null;

  /** FrozenQuestion[]: the questions, options in the order shown, and their keys. Never sent as is. */
  @LongTextColumn({ name: 'snapshot_json' })
  snapshotJson: string;

  /**
   * GradingKey[]: what grading reads of the snapshot (each slot's points and key), written with
   * it by frozenColumns, so that grading an exam does not parse every question's text. Null on
   * attempts started before it existed: grading reads the snapshot.
   */
  @LongTextColumn({ name: 'key_json', nullable: true })
  keyJson: string | null;

  /**
   * What an answer to each slot may be (type and ids, no text; see encodeShapes), written with
   * the snapshot by frozenColumns, so that an autosave or submit does not parse every
   * question's text to check the answers. Null on attempts started before it existed.
   */
  @LongTextColumn({ name: 'shapes_json', nullable: true })
  shapesJson: string | null;

  /** Slot → response. */
  @LongTextColumn({ name: 'responses_json' })
  responsesJson: string;

  /** Bumped by every save, so that two saves racing cannot overwrite each other. */
  @Column({ type: 'int' })
  revision: number;

  @Column({ name: 'score_hundredths', type: 'int', nullable: true })
  scoreHundredths: number | null;

  @Column({ name: 'max_hundredths', type: 'int' })
  maxHundredths: number;

  /** Percent × 100 (66.67% is 6667), so that it sorts and sums as an integer. */
  @Column({ name: 'percent_hundredths', type: 'int', nullable: true })
  percentHundredths: number | null;

  /** Slot → SlotMark. */
  @LongTextColumn({ name: 'marks_json', nullable: true })
  marksJson: string | null;

  @Column({ name: 'graded_at', type: 'datetime', precision: 3, nullable: true })
  gradedAt: Date | null;

  /** Bumped by every grading, override and regrade: the graded event is keyed on it. */
  @Column({ name: 'grade_version', type: 'int', default: 0 })
  gradeVersion: number;

  @Column({ name: 'grading_error', type: 'varchar', length: 500, nullable: true })
  gradingError: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
