import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { QuestionnaireKind } from './questionnaire.entity';

/**
 * One competency of an answer: a self-assessed level, or a ranked wish to develop it.
 * The kind is copied from the questionnaire so the needs analysis reads one index.
 */
@Entity('needs_questionnaire_answer')
@Index('UQ_needs_questionnaire_answer', ['questionnaireId', 'userId', 'competencyCode'], { unique: true })
@Index('IDX_needs_questionnaire_answer_user', ['userId', 'kind', 'answeredAt'])
export class QuestionnaireAnswer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'questionnaire_id', type: 'varchar', length: 36 })
  questionnaireId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuestionnaireKind;

  @Column({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  /** Self-assessment: the level 1-5 the person thinks they have. */
  @Column({ type: 'int', nullable: true })
  level: number | null;

  /** Training needs: 1 = the wish the person ranked first. */
  @Column({ name: 'choice_rank', type: 'int', nullable: true })
  rank: number | null;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3 })
  answeredAt: Date;
}
