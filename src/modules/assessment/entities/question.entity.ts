import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Difficulty, QuestionType } from '../domain/questions';
import { LongTextColumn } from '../../../../libs/database/long-text';

/**
 * A question of a course's bank. `content` is what learners may see and `key` what
 * grading reads (see domain/questions.ts); both are JSON text so that one schema serves
 * SQLite and MySQL. Attempts copy what they need, so editing a question never changes
 * a score already given.
 */
@Entity('question')
@Index('IDX_question_course', ['courseId', 'retiredAt', 'competencyCode', 'difficulty'])
export class Question {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ type: 'varchar', length: 12 })
  type: QuestionType;

  @Column({ type: 'text' })
  stem: string;

  @Column({ name: 'points_hundredths', type: 'int' })
  pointsHundredths: number;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ name: 'competency_code', type: 'varchar', length: 20, nullable: true })
  competencyCode: string | null;

  @Column({ type: 'varchar', length: 6 })
  difficulty: Difficulty;

  @LongTextColumn({ name: 'content_json' })
  contentJson: string;

  @LongTextColumn({ name: 'key_json' })
  keyJson: string;

  /** Bumped on every edit; an attempt records the revision it froze. */
  @Column({ type: 'int' })
  revision: number;

  /** Retired questions leave draws and lists; attempts that hold them are unaffected. */
  @Column({ name: 'retired_at', type: 'datetime', precision: 3, nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
