import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../../../libs/database';
import { InTxListener } from '../../../libs/queue';
import { EvaluationPlace, EvaluationRecorded } from './evaluation/evaluation-recorded';
import { EvaluationTotals, EvaluationTotalsQuery } from './evaluation/results/evaluation-totals';
import { DevelopmentPlan, PlanActivity, PlanGoal, PlanStatus } from './plans/entities';
import { PlanChanged, PlanChanges } from './plans/plan-changes';

export type { EvaluationPlace } from './evaluation/evaluation-recorded';
export type { EvaluationTotals } from './evaluation/results/evaluation-totals';
export type { PlanChanged } from './plans/plan-changes';

/** Where a plan counts: its year, status and the owner's region and unit (as on the plan). */
export interface PlanPlace {
  planId: string;
  year: number;
  status: PlanStatus;
  regionCode: string | null;
  unitId: string | null;
}

/** A plan in numbers, as rewards, follow-up lists, evaluation and monitoring need it. */
export interface PlanFacts {
  planId: string;
  userId: string;
  year: number;
  status: PlanStatus;
  targetJp: number;
  plannedJp: number;
  /** Every JP credited to the person in the plan's year. */
  earnedJp: number;
  goals: number;
  goalsReached: number;
  /** Goals whose current level rose above the level the plan started from. */
  goalsImproved: number;
  activities: number;
  activitiesDone: number;
  submittedAt: Date | null;
  approvedAt: Date | null;
  closedAt: Date | null;
}

/** What other modules (monitoring) and the other areas may ask of development plans. */
@Injectable()
export class DevelopmentPlansApi {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly planChanges: PlanChanges,
    private readonly evaluationsRecorded: EvaluationRecorded,
    private readonly evaluationTotalsQuery: EvaluationTotalsQuery,
  ) {}

  /** Called in the writer's transaction when a plan is created or its status is written. */
  onPlanChanged(listener: InTxListener<PlanChanged>): void {
    this.planChanges.subscribe(listener);
  }

  /** Called in the writer's transaction when an L1, L2 or L3 result is stored, with its unit and year. */
  onEvaluationRecorded(listener: InTxListener<EvaluationPlace[]>): void {
    this.evaluationsRecorded.subscribe(listener);
  }

  /** Year, status, region and unit of these plans (absent: no such plan). */
  async planPlaces(planIds: string[]): Promise<PlanPlace[]> {
    if (planIds.length === 0) return [];
    const plans = await this.tx.run((m) =>
      m.find(DevelopmentPlan, { select: PLACE_COLUMNS, where: { id: In([...new Set(planIds)]) } }),
    );
    return plans.map(toPlace);
  }

  /**
   * The next `limit` plans after `afterId` in id order (a resumable walk for monitoring's
   * rebuild); raw rows, not entities, as the rebuild asks for thousands at a time.
   */
  async planPlacesAfter(afterId: string | null, limit: number): Promise<PlanPlace[]> {
    const rows: Array<Record<string, string | number | null>> = await this.tx.run((m) =>
      m.query(
        `SELECT id, year, status, region_code, unit_id FROM development_plan WHERE id > ? ORDER BY id LIMIT ${Number(limit)}`,
        [afterId ?? ''],
      ),
    );
    return rows.map((r) => ({
      planId: String(r.id),
      year: Number(r.year),
      status: r.status as PlanStatus,
      regionCode: r.region_code as string | null,
      unitId: r.unit_id as string | null,
    }));
  }

  /**
   * A unit's ('' = learners without one) Kirkpatrick results of a WIB year: L1 questionnaires
   * answered in the year, L2 gains first recorded in it, L3 follow-ups answered in it.
   */
  evaluationTotals(unitKey: string, year: number): Promise<EvaluationTotals> {
    return this.evaluationTotalsQuery.of(unitKey, year);
  }

  /** Every unit-year total of the next `units` units after a cursor (monitoring's rebuild). */
  evaluationTotalsPage(afterUnitKey: string | null, units: number) {
    return this.evaluationTotalsQuery.page(afterUnitKey, units);
  }

  /** The person's plan of a year in numbers, or null when they have none. */
  async planOf(userId: string, year: number): Promise<PlanFacts | null> {
    return (await this.plansOf([userId], year)).get(userId) ?? null;
  }

  /** Who owns each of these plans (monitoring's people lists name the person behind a plan). */
  async ownersOf(planIds: string[]): Promise<Map<string, string>> {
    if (planIds.length === 0) return new Map();
    const rows = await this.tx.run((m) =>
      m.find(DevelopmentPlan, { select: { id: true, userId: true }, where: { id: In([...new Set(planIds)]) } }),
    );
    return new Map(rows.map((p) => [p.id, p.userId]));
  }

  /** The plans of a year of these people, keyed by person (people without a plan are absent). */
  async plansOf(userIds: string[], year: number): Promise<Map<string, PlanFacts>> {
    if (userIds.length === 0) return new Map();
    return this.tx.run(async (m) => {
      const plans = await m.findBy(DevelopmentPlan, { userId: In([...new Set(userIds)]), year });
      if (plans.length === 0) return new Map();
      const planIds = plans.map((p) => p.id);
      const goals = await m.find(PlanGoal, {
        select: { planId: true, baselineLevel: true, currentLevel: true, targetLevel: true },
        where: { planId: In(planIds) },
      });
      const activities = await m.find(PlanActivity, {
        select: { planId: true, status: true },
        where: { planId: In(planIds) },
      });
      return new Map(
        plans.map((p) => {
          const mine = goals.filter((g) => g.planId === p.id);
          const done = activities.filter((a) => a.planId === p.id);
          return [
            p.userId,
            {
              planId: p.id,
              userId: p.userId,
              year: p.year,
              status: p.status,
              targetJp: p.targetJpTenths / 10,
              plannedJp: p.plannedJpTenths / 10,
              earnedJp: p.earnedJpTenths / 10,
              goals: mine.length,
              goalsReached: mine.filter((g) => g.currentLevel >= g.targetLevel).length,
              goalsImproved: mine.filter((g) => g.currentLevel > g.baselineLevel).length,
              activities: done.length,
              activitiesDone: done.filter((a) => a.status === 'done').length,
              submittedAt: p.submittedAt,
              approvedAt: p.approvedAt,
              closedAt: p.closedAt,
            },
          ];
        }),
      );
    });
  }
}

const PLACE_COLUMNS = { id: true, year: true, status: true, regionCode: true, unitId: true } as const;

function toPlace(p: Pick<DevelopmentPlan, 'id' | 'year' | 'status' | 'regionCode' | 'unitId'>): PlanPlace {
  return { planId: p.id, year: p.year, status: p.status, regionCode: p.regionCode, unitId: p.unitId };
}
