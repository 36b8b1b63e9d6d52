import { EntityManager } from 'typeorm';
import { newId } from '../../../../libs/common';
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

/**
 * Writes a JP credit and its competency evidence. Both tables are unique per source, and
 * the inserts ignore duplicates, so a credit replayed after a crash or a race counts once.
 */
export async function writeCredit(m: EntityManager, credit: Credit): Promise<void> {
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
  if (credit.competencies.length === 0) return;
  await m
    .createQueryBuilder()
    .insert()
    .into(CompetencyEvidence)
    .values(
      credit.competencies.map((c) => ({
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
