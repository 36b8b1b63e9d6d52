import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CreditSource } from './jp-ledger-entry.entity';

/** Evidence that a learner reached a competency level: a completed course or a verified activity. */
@Entity('competency_evidence')
@Index('UQ_competency_evidence_source', ['userId', 'competencyCode', 'source', 'sourceId'], { unique: true })
export class CompetencyEvidence {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  @Column({ type: 'int' })
  level: number;

  @Column({ type: 'varchar', length: 10 })
  source: CreditSource;

  @Column({ name: 'source_id', type: 'varchar', length: 36 })
  sourceId: string;

  @Column({ name: 'earned_at', type: 'datetime', precision: 3 })
  earnedAt: Date;
}
