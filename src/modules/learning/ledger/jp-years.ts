import { Injectable } from '@nestjs/common';
import { instantFromDriver, TransactionRunner } from '../../../../libs/database';
import type { EmployeeType } from '../../identity/domain/golongan';
import { attainedMonth, DatedCredit } from '../domain/jp-attainment';
import { targetFor } from '../domain/jp-target';
import { LearningSettingsService } from '../learning-settings.service';

/** A person's JP of one ledger year against their yearly target. */
export interface JpYear {
  userId: string;
  year: number;
  jpTenths: number;
  /** The target of their employee type for that year; null when none is set. */
  targetJp: number | null;
  /** WIB month (1-12) in which the running total first reached the target; null while below. */
  attainedMonth: number | null;
}

/** People's JP per year from the ledger, in one query per call (monitoring rollups). */
@Injectable()
export class JpYears {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly settings: LearningSettingsService,
  ) {}

  /** One entry per person and year (0 JP included); runs in the caller's transaction if any. */
  async of(people: Array<{ userId: string; employeeType: EmployeeType }>, years: number[]): Promise<JpYear[]> {
    if (people.length === 0 || years.length === 0) return [];
    return this.tx.run(async (m) => {
      const ids = [...new Set(people.map((p) => p.userId))];
      // Raw rows, not entities: the rebuild asks for thousands of people at a time.
      const rows: Array<Record<string, string | number | Date>> = await m.query(
        `SELECT user_id, year, jp_tenths, earned_at FROM jp_ledger_entry
         WHERE user_id IN (${ids.map(() => '?').join(', ')}) AND year IN (${years.map(() => '?').join(', ')})`,
        [...ids, ...years],
      );
      const credits = new Map<string, DatedCredit[]>();
      for (const r of rows) {
        const key = `${String(r.user_id)}|${Number(r.year)}`;
        const list = credits.get(key) ?? [];
        list.push({ jpTenths: Number(r.jp_tenths), earnedAt: instantFromDriver(r.earned_at) });
        credits.set(key, list);
      }
      const targets = await this.settings.yearlyTargets(m);
      const out: JpYear[] = [];
      for (const p of people) {
        for (const year of years) {
          const own = credits.get(`${p.userId}|${year}`) ?? [];
          const targetJp = targetFor(targets, p.employeeType, year);
          out.push({
            userId: p.userId,
            year,
            jpTenths: own.reduce((sum, c) => sum + c.jpTenths, 0),
            targetJp,
            attainedMonth: attainedMonth(own, targetJp),
          });
        }
      }
      return out;
    });
  }
}
