import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/identity.api';
import { LearningApi } from '../../../learning/learning.api';
import { Period } from '../domain/survey-period';

export interface PeriodTraining {
  /** ASN of the unit who earned any JP in the period. */
  people: number;
  /** Credits earned: completed courses, verified external activities, mentoring sessions. */
  completions: number;
  courses: number;
  jp: number;
}

export interface UnitTraining {
  /** Active ASN whose unit is this unit now. */
  staff: number;
  byPeriod: Map<string, PeriodTraining>;
}

const PAGE = 1000;

/**
 * The development the unit's staff completed, per period: the people are the ASN whose unit
 * is this unit today (a transfer moves their history with them), their credits come from
 * the JP ledger, grouped by the same period ranges as the index.
 */
@Injectable()
export class UnitTrainingReader {
  constructor(
    private readonly identity: IdentityApi,
    private readonly learning: LearningApi,
  ) {}

  async of(unitId: string, periods: Period[]): Promise<UnitTraining> {
    const ids: string[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.identity.peoplePage({ unitId }, after, PAGE);
      ids.push(...page.map((p) => p.id));
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    const totals = await this.learning.creditTotalsBetween(
      ids,
      periods.map((p) => ({ key: p.key, from: p.from, to: p.to })),
    );
    const byPeriod = new Map<string, PeriodTraining>();
    for (const [key, t] of totals) {
      byPeriod.set(key, { people: t.people, completions: t.credits, courses: t.courses, jp: t.jpTenths / 10 });
    }
    return { staff: ids.length, byPeriod };
  }
}
