import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Audit of every grade a person gave or changed: essay marks, overrides and regrades. */
@Entity('grade_change')
@Index('IDX_grade_change_attempt', ['attemptId', 'at'])
export class GradeChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'attempt_id', type: 'varchar', length: 36 })
  attemptId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'essay' | 'override' | 'regrade';

  /** The slot changed; null for the whole attempt. */
  @Column({ type: 'int', nullable: true })
  slot: number | null;

  @Column({ name: 'by_user_id', type: 'varchar', length: 36, nullable: true })
  byUserId: string | null;

  /** What the person wrote (an override needs one); null on a regrade's row. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  /** The regrade run that made the change (kind `regrade`). */
  @Column({ name: 'regrade_id', type: 'varchar', length: 36, nullable: true })
  regradeId: string | null;

  @Column({ name: 'before_hundredths', type: 'int', nullable: true })
  beforeHundredths: number | null;

  @Column({ name: 'after_hundredths', type: 'int', nullable: true })
  afterHundredths: number | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
