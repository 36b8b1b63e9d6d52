import { Injectable } from '@nestjs/common';
import { AccessScope, regionSubtreeCondition } from '../../../../../libs/auth';
import { TransactionRunner } from '../../../../../libs/database';
import { ELEMENT_CODES } from '../domain/ikm';
import { Period } from '../domain/survey-period';
import { IkmResponse } from '../entities';
import { periodBucket } from './time-buckets';

export interface ElementTotals {
  responses: number;
  /** Sum of the answers of each element, in element order. */
  sums: number[];
}

type Raw = Record<string, string | number | null>;

export const PROFILE_FIELDS = ['ageBand', 'sex', 'education', 'occupation'] as const;
/** Respondents per answer of each profile item; "none" counts those who left it empty. */
export type RespondentProfile = Record<(typeof PROFILE_FIELDS)[number], Record<string, number>>;

const sumColumns = (alias: string) => ELEMENT_CODES.map((code) => `SUM(${alias}.${code})`);
const totalsOf = (row: Raw): ElementTotals => ({
  responses: Number(row.responses),
  sums: ELEMENT_CODES.map((code) => Number(row[`s_${code}`] ?? 0)),
});

/** The survey's sums, by SQL aggregation over the response rows (never loaded one by one). */
@Injectable()
export class IkmAggregates {
  constructor(private readonly tx: TransactionRunner) {}

  /** A unit's totals per period (periods without responses are absent). */
  async byPeriod(unitId: string, periods: Period[]): Promise<Map<string, ElementTotals>> {
    if (periods.length === 0) return new Map();
    const bucket = periodBucket('r.submitted_at', periods);
    const rows = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(IkmResponse, 'r')
        .select(bucket.sql, 'bucket')
        .addSelect('COUNT(*)', 'responses')
        .where('r.unit_id = :unitId', { unitId })
        .andWhere('r.submitted_at >= :first AND r.submitted_at < :last', {
          first: periods[0].from,
          last: periods[periods.length - 1].to,
        })
        .setParameters(bucket.params)
        .groupBy('bucket');
      sumColumns('r').forEach((sql, i) => qb.addSelect(sql, `s_${ELEMENT_CODES[i]}`));
      return qb.getRawMany<Raw>();
    });
    const out = new Map<string, ElementTotals>();
    for (const row of rows) {
      if (row.bucket === null) continue;
      out.set(periods[Number(row.bucket)].key, totalsOf(row));
    }
    return out;
  }

  /** Units in scope that received responses in the period, with their totals (at most `limit`). */
  async unitsInPeriod(scope: AccessScope, period: Period, limit: number): Promise<Map<string, ElementTotals>> {
    const rows = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(IkmResponse, 'r')
        .select('r.unit_id', 'unitId')
        .addSelect('COUNT(*)', 'responses')
        .where('r.submitted_at >= :from AND r.submitted_at < :to', { from: period.from, to: period.to })
        .groupBy('r.unit_id')
        .orderBy('responses', 'DESC')
        .limit(limit);
      sumColumns('r').forEach((sql, i) => qb.addSelect(sql, `s_${ELEMENT_CODES[i]}`));
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('r.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      }
      return qb.getRawMany<Raw>();
    });
    return new Map(rows.map((row) => [String(row.unitId), totalsOf(row)]));
  }

  /** How many respondents gave each answer of the optional profile in a period (null: left empty). */
  async profile(unitId: string, period: Period): Promise<RespondentProfile> {
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(IkmResponse, 'r')
        .select('r.age_band', 'ageBand')
        .addSelect('r.sex', 'sex')
        .addSelect('r.education', 'education')
        .addSelect('r.occupation', 'occupation')
        .addSelect('COUNT(*)', 'responses')
        .where('r.unit_id = :unitId', { unitId })
        .andWhere('r.submitted_at >= :from AND r.submitted_at < :to', { from: period.from, to: period.to })
        .groupBy('r.age_band')
        .addGroupBy('r.sex')
        .addGroupBy('r.education')
        .addGroupBy('r.occupation')
        .getRawMany<Raw>(),
    );
    const profile: RespondentProfile = { ageBand: {}, sex: {}, education: {}, occupation: {} };
    for (const row of rows) {
      for (const field of PROFILE_FIELDS) {
        const value = row[field] === null || row[field] === undefined ? 'none' : String(row[field]);
        profile[field][value] = (profile[field][value] ?? 0) + Number(row.responses);
      }
    }
    return profile;
  }

  /** The latest suggestions written for a unit (text only; the survey is anonymous). */
  async latestSuggestions(unitId: string, limit: number): Promise<Array<{ text: string; submittedAt: Date }>> {
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(IkmResponse, 'r')
        .select(['r.suggestion', 'r.submittedAt'])
        .where('r.unit_id = :unitId', { unitId })
        .andWhere('r.suggestion IS NOT NULL')
        .orderBy('r.submitted_at', 'DESC')
        .limit(limit)
        .getMany(),
    );
    return rows.map((r) => ({ text: r.suggestion ?? '', submittedAt: r.submittedAt }));
  }
}
