import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../../../libs/database';
import { AppliedAnswer } from '../entities';

/** A unit's Kirkpatrick results of a WIB year, as sums that add up over any subtree. */
export interface EvaluationTotals {
  /** Σ per answered L1 questionnaire of the mean of its three items, in hundredths (4.33 → 433). */
  l1Sum: number;
  l1Count: number;
  /** Σ post − pre per learner and course, in hundredths of percentage points. */
  l2GainSum: number;
  l2Count: number;
  /** L3 answers (learner's and supervisor's) saying the learning is applied at work: yes or partly. */
  l3Applied: number;
  l3Answered: number;
}

/** What counts as applied: 'yes' and 'partly' (both ask for examples of use); 'not_yet' does not. */
export const APPLIED: readonly AppliedAnswer[] = ['yes', 'partly'];

type Raw = Record<string, string | number | null>;
const EMPTY = (): EvaluationTotals => ({ l1Sum: 0, l1Count: 0, l2GainSum: 0, l2Count: 0, l3Applied: 0, l3Answered: 0 });

/**
 * Sums per (learner's unit, year) over the evaluation rows, each a range of the
 * (unit_id, answer_year|year, ...) indexes that also hold the columns summed, so no table
 * row is read; the unit and year were put on the rows when written.
 */
@Injectable()
export class EvaluationTotalsQuery {
  constructor(private readonly tx: TransactionRunner) {}

  /** One unit ('' = learners without one) and year; all zero when nothing was answered. */
  async of(unitKey: string, year: number): Promise<EvaluationTotals> {
    const groups = await this.tx.run((m) =>
      grouped(m, unitKey ? 'unit_id = ?' : 'unit_id IS NULL', unitKey ? [unitKey] : [], year),
    );
    return groups.get(unitKey)?.get(year) ?? EMPTY();
  }

  /**
   * Every year of the next `units` units after `afterUnitKey` (null: start, which also holds
   * the learners without a unit, key ''); `lastUnitKey` is null when no unit is left.
   */
  async page(
    afterUnitKey: string | null,
    units: number,
  ): Promise<{ totals: Array<{ unitKey: string; year: number } & EvaluationTotals>; lastUnitKey: string | null }> {
    return this.tx.run(async (m) => {
      const ids = new Set<string>();
      for (const table of ['course_evaluation', 'follow_up_survey', 'learning_gain']) {
        const rows: Array<{ u: string }> = await m.query(
          `SELECT DISTINCT unit_id AS u FROM ${table} WHERE unit_id > ? ORDER BY unit_id LIMIT ${Number(units)}`,
          [afterUnitKey ?? ''],
        );
        for (const r of rows) ids.add(r.u);
      }
      const page = [...ids].sort().slice(0, units);
      const out: Array<{ unitKey: string; year: number } & EvaluationTotals> = [];
      const collect = (groups: Map<string, Map<number, EvaluationTotals>>) => {
        for (const [unitKey, years] of groups)
          for (const [year, totals] of years) out.push({ unitKey, year, ...totals });
      };
      if (afterUnitKey === null) collect(await grouped(m, 'unit_id IS NULL', [], null));
      if (page.length) {
        collect(await grouped(m, 'unit_id >= ? AND unit_id <= ?', [page[0], page[page.length - 1]], null));
      }
      const last = page.length === units ? page[page.length - 1] : null;
      return { totals: out, lastUnitKey: last };
    });
  }
}

/** Totals per unit key and year of the rows matching `where` (and `year`, when given). */
async function grouped(
  m: EntityManager,
  where: string,
  params: unknown[],
  year: number | null,
): Promise<Map<string, Map<number, EvaluationTotals>>> {
  const out = new Map<string, Map<number, EvaluationTotals>>();
  const at = (unit: unknown, y: unknown) => {
    const key = (unit as string | null) ?? '';
    let years = out.get(key);
    if (!years) out.set(key, (years = new Map()));
    let t = years.get(Number(y));
    if (!t) years.set(Number(y), (t = EMPTY()));
    return t;
  };
  const yearOf = (column: string) => (year === null ? `${column} IS NOT NULL` : `${column} = ${Number(year)}`);
  const l1: Raw[] = await m.query(
    `SELECT unit_id, answer_year AS y, material + delivery + usefulness AS s, COUNT(*) AS n FROM course_evaluation
     WHERE ${where} AND ${yearOf('answer_year')} AND answered_at IS NOT NULL
     GROUP BY unit_id, answer_year, material + delivery + usefulness`,
    params,
  );
  for (const r of l1) {
    const t = at(r.unit_id, r.y);
    t.l1Sum += Number(r.n) * Math.round((Number(r.s) * 100) / 3);
    t.l1Count += Number(r.n);
  }
  const l2: Raw[] = await m.query(
    `SELECT unit_id, year AS y, SUM(gain_hundredths) AS g, COUNT(*) AS n FROM learning_gain
     WHERE ${where} AND ${yearOf('year')} GROUP BY unit_id, year`,
    params,
  );
  for (const r of l2) {
    const t = at(r.unit_id, r.y);
    t.l2GainSum += Number(r.g);
    t.l2Count += Number(r.n);
  }
  const l3: Raw[] = await m.query(
    `SELECT unit_id, answer_year AS y, applied, COUNT(*) AS n FROM follow_up_survey
     WHERE ${where} AND ${yearOf('answer_year')} AND status = 'answered'
     GROUP BY unit_id, answer_year, applied`,
    params,
  );
  for (const r of l3) {
    const t = at(r.unit_id, r.y);
    t.l3Answered += Number(r.n);
    if (APPLIED.includes(r.applied as AppliedAnswer)) t.l3Applied += Number(r.n);
  }
  return out;
}
