import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { GradingMethod } from '../domain/attempt-score';
import type { ReviewTiming } from '../domain/review-policy';

export const QUIZ_ROLES = ['none', 'pre', 'post'] as const;
/** pre/post: the pair of a course gives the learning gain (evaluation level 2). */
export type QuizRole = (typeof QUIZ_ROLES)[number];

/** A quiz of a course; a quiz lesson presents it. Its slots are small and always read together, so JSON. */
@Entity('quiz')
@Index('IDX_quiz_course', ['courseId'])
export class Quiz {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  /** SlotRule[] (domain/snapshot.ts). */
  @Column({ name: 'slots_json', type: 'text' })
  slotsJson: string;

  @Column({ name: 'time_limit_minutes', type: 'int', nullable: true })
  timeLimitMinutes: number | null;

  @Column({ name: 'opens_at', type: 'datetime', precision: 3, nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'datetime', precision: 3, nullable: true })
  closesAt: Date | null;

  /** Null: as many as the learner likes. */
  @Column({ name: 'attempts_allowed', type: 'int', nullable: true })
  attemptsAllowed: number | null;

  @Column({ name: 'grading_method', type: 'varchar', length: 8 })
  gradingMethod: GradingMethod;

  @Column({ name: 'pass_percent', type: 'int' })
  passPercent: number;

  @Column({ name: 'show_score', type: 'varchar', length: 14 })
  showScore: ReviewTiming;

  @Column({ name: 'show_answers', type: 'varchar', length: 14 })
  showAnswers: ReviewTiming;

  @Column({ name: 'shuffle_questions', type: 'boolean', default: false })
  shuffleQuestions: boolean;

  @Column({ name: 'shuffle_options', type: 'boolean', default: true })
  shuffleOptions: boolean;

  @Column({ type: 'varchar', length: 4 })
  role: QuizRole;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
