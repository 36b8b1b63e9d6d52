import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../../libs/database';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { IdentityApi } from '../../identity/identity.api';
import { MentoringPairing, MentoringSession } from './entities';
import { EMPTY_COUNTS, PairingView, SessionCounts } from './mentoring.view';

/** Turns pairing rows into views: names, competency names, session counts and JP, in bulk. */
@Injectable()
export class MentoringViews {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityApi,
    private readonly competencies: CompetenciesApi,
  ) {}

  async pairings(rows: MentoringPairing[]): Promise<PairingView[]> {
    if (rows.length === 0) return [];
    const [names, competencies, totals] = await Promise.all([
      this.identity.namesOf([...new Set(rows.flatMap((p) => [p.mentorId, p.menteeId]))]),
      this.competencies.summaries([...new Set(rows.map((p) => p.competencyCode))]),
      this.tx.run((m) =>
        sessionTotals(
          m,
          rows.map((p) => p.id),
        ),
      ),
    ]);
    const competencyName = new Map(competencies.map((c) => [c.code, c.name]));
    const person = (id: string) => ({ id, name: names.get(id)?.name ?? '-', nip: names.get(id)?.nip ?? null });
    return rows.map((p) => {
      const total = totals.get(p.id);
      return {
        id: p.id,
        competency: { code: p.competencyCode, name: competencyName.get(p.competencyCode) ?? p.competencyCode },
        mentor: person(p.mentorId),
        mentee: person(p.menteeId),
        status: p.status,
        startedAt: new Date(p.startedAt).toISOString(),
        endedAt: p.endedAt ? new Date(p.endedAt).toISOString() : null,
        achievedLevel: p.achievedLevel,
        endNote: p.endNote,
        counts: total?.counts ?? { ...EMPTY_COUNTS },
        totalJp: (total?.jpTenths ?? 0) / 10,
      };
    });
  }
}

/** Pending sessions the other side logged, per pairing: what waits for this person's answer. */
export async function awaitingAnswer(
  m: EntityManager,
  pairingIds: string[],
  userId: string,
): Promise<Map<string, number>> {
  if (pairingIds.length === 0) return new Map();
  const rows = await m
    .createQueryBuilder(MentoringSession, 's')
    .select('s.pairing_id', 'pairingId')
    .addSelect('COUNT(*)', 'n')
    .where('s.pairing_id IN (:...pairingIds)', { pairingIds })
    .andWhere('s.status = :pending AND s.logged_by <> :userId', { pending: 'pending', userId })
    .groupBy('s.pairing_id')
    .getRawMany<{ pairingId: string; n: string | number }>();
  return new Map(rows.map((r) => [r.pairingId, Number(r.n)]));
}

/** Sessions per status and confirmed JP of each pairing, in one grouped query. */
async function sessionTotals(
  m: EntityManager,
  pairingIds: string[],
): Promise<Map<string, { counts: SessionCounts; jpTenths: number }>> {
  const rows = await m
    .createQueryBuilder(MentoringSession, 's')
    .select('s.pairing_id', 'pairingId')
    .addSelect('s.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .addSelect('SUM(s.jp_tenths)', 'jpTenths')
    .where('s.pairing_id IN (:...pairingIds)', { pairingIds })
    .groupBy('s.pairing_id')
    .addGroupBy('s.status')
    .getRawMany<{ pairingId: string; status: keyof SessionCounts; n: string | number; jpTenths: string | number }>();
  const out = new Map<string, { counts: SessionCounts; jpTenths: number }>();
  for (const r of rows) {
    const entry = out.get(r.pairingId) ?? { counts: { ...EMPTY_COUNTS }, jpTenths: 0 };
    entry.counts[r.status] = Number(r.n);
    entry.counts.total += Number(r.n);
    if (r.status === 'confirmed') entry.jpTenths += Number(r.jpTenths);
    out.set(r.pairingId, entry);
  }
  return out;
}
