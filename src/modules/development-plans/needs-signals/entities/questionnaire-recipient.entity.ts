import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One person a questionnaire was sent to (one row per person and questionnaire). */
@Entity('needs_questionnaire_recipient')
@Index('UQ_needs_questionnaire_recipient', ['questionnaireId', 'userId'], { unique: true })
@Index('IDX_needs_questionnaire_recipient_user', ['userId', 'createdAt'])
export class QuestionnaireRecipient {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'questionnaire_id', type: 'varchar', length: 36 })
  questionnaireId: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** The person's position when it was sent: its standard lists the competencies to self-assess. */
  @Column({ name: 'position_id', type: 'varchar', length: 36, nullable: true })
  positionId: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  /** Free text of a training-needs answer. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** When the person last saved an answer (null: not answered). */
  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
