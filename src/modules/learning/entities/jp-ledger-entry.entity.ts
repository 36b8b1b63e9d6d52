import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CREDIT_SOURCES = ['course', 'external', 'mentoring'] as const;
/**
 * course: a completed enrolment; external: a verified external activity; mentoring: a
 * mentoring session confirmed by both sides (development plans).
 */
export type CreditSource = (typeof CREDIT_SOURCES)[number];

/** JP credited to a learner for a year; one entry per source, so a credit is never counted twice. */
@Entity('jp_ledger_entry')
@Index('UQ_jp_ledger_source', ['userId', 'source', 'sourceId'], { unique: true })
@Index('IDX_jp_ledger_user_year', ['userId', 'year'])
export class JpLedgerEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'jp_tenths', type: 'int' })
  jpTenths: number;

  @Column({ type: 'varchar', length: 10 })
  source: CreditSource;

  @Column({ name: 'source_id', type: 'varchar', length: 36 })
  sourceId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'earned_at', type: 'datetime', precision: 3 })
  earnedAt: Date;
}
