import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../../../libs/common';
import { InTxListeners } from '../../../../libs/queue';
import { ledgerYearOf } from '../domain/ledger';
import { CompetencyEvidence, CreditSource, JpLedgerEntry } from '../entities';

export interface Credit {
  userId: string;
  source: CreditSource;
  /** The enrolment or external activity the credit comes from: one credit per source, ever. */
  sourceId: string;
  title: string;
  year: number;
  jpTenths: number;
  earnedAt: Date;
  competencies: Array<{ code: string; level: number }>;
}

/** Competency evidence without JP (a mentoring pairing completed at a level). */
export interface EvidenceOnly {
  userId: string;
  source: CreditSource;
  sourceId: string;
  earnedAt: Date;
  competencies: Array<{ code: string; level: number }>;
}

/** A person's JP of a ledger year or their competency evidence may have changed. */
export interface CreditsChanged {
  userId: string;
  year: number;
}

/** Modules that follow JP credits and evidence (monitoring) register here through LearningApi. */
@Injectable()
export class CreditsChangedSubscribers extends InTxListeners<CreditsChanged> {}

/**
 * Writes JP credits and competency evidence, and tells the subscribers inside the same
 * transaction. Both tables are unique per source and the inserts ignore duplicates, so a
 * credit replayed after a crash or a race counts once (a replay only re-announces it).
 */
@Injectable()
export class CreditWriter {
  constructor(private readonly changed: CreditsChangedSubscribers) {}

  async credit(m: EntityManager, credit: Credit): Promise<void> {
    const { userId, source, sourceId, earnedAt } = credit;
    await m
      .createQueryBuilder()
      .insert()
      .into(JpLedgerEntry)
      .values({
        id: newId(),
        userId,
        year: credit.year,
        jpTenths: credit.jpTenths,
        source,
        sourceId,
        title: credit.title.slice(0, 200),
        earnedAt,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
    await insertEvidence(m, credit);
    await this.changed.notify(m, { userId, year: credit.year });
  }

  async evidence(m: EntityManager, evidence: EvidenceOnly): Promise<void> {
    if (evidence.competencies.length === 0) return;
    await insertEvidence(m, evidence);
    await this.changed.notify(m, { userId: evidence.userId, year: ledgerYearOf(evidence.earnedAt) });
  }
}

async function insertEvidence(m: EntityManager, evidence: EvidenceOnly): Promise<void> {
  if (evidence.competencies.length === 0) return;
  const { userId, source, sourceId, earnedAt } = evidence;
  await m
    .createQueryBuilder()
    .insert()
    .into(CompetencyEvidence)
    .values(
      evidence.competencies.map((c) => ({
        id: newId(),
        userId,
        competencyCode: c.code,
        level: c.level,
        source,
        sourceId,
        earnedAt,
      })),
    )
    .orIgnore()
    .updateEntity(false)
    .execute();
}
