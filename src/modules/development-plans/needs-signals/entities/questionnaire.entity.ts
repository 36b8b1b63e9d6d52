import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const QUESTIONNAIRE_KINDS = ['self-assessment', 'training-needs'] as const;
/** self-assessment: a level 1-5 per competency of the person's standard; training-needs: ranked wishes and free text. */
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

export const SEND_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** A questionnaire a unit admin sends to a population of ASN (sent by a resumable job). */
@Entity('needs_questionnaire')
@Index('IDX_needs_questionnaire_scope', ['scopeRegionCode', 'createdAt'])
export class Questionnaire {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuestionnaireKind;

  /** How many competencies a training-needs answer may rank. */
  @Column({ name: 'max_choices', type: 'int', default: 3 })
  maxChoices: number;

  /** The last WIB day answers are accepted (YYYY-MM-DD); null: open until the admin's next one. */
  @Column({ name: 'due_on', type: 'varchar', length: 10, nullable: true })
  dueOn: string | null;

  /** The sender's region (null for a national admin): the admins whose subtree holds it see it. */
  @Column({ name: 'scope_region_code', type: 'varchar', length: 20, nullable: true })
  scopeRegionCode: string | null;

  /** The population filter (region subtree, unit, position, golongan, employee type) as JSON. */
  @Column({ name: 'filter_json', type: 'text' })
  filterJson: string;

  @Column({ type: 'varchar', length: 10 })
  status: SendStatus;

  /** The last person id the send job committed (it resumes after it). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  cursor: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
