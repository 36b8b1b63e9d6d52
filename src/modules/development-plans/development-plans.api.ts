import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../../../libs/database';
import { DevelopmentPlan, PlanActivity, PlanGoal, PlanStatus } from './plans/entities';

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
  constructor(private readonly tx: TransactionRunner) {}

  /** The person's plan of a year in numbers, or null when they have none. */
  async planOf(userId: string, year: number): Promise<PlanFacts | null> {
    return (await this.plansOf([userId], year)).get(userId) ?? null;
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
