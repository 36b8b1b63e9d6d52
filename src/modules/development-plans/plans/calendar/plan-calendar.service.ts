import { Injectable } from '@nestjs/common';
import { In, LessThan, MoreThan } from 'typeorm';
import { Clock } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { AssessmentApi } from '../../../assessment/assessment.api';
import { LearningApi } from '../../../learning/learning.api';
import { planYearOf } from '../domain/plan-year';
import { closingSummary } from '../domain/summary';
import { DevelopmentPlan, PlanActivity, PlanGoal } from '../entities';
import { PlanChanges } from '../plan-changes';
import { audit } from '../plan-writes';
import { lockOpenPlans, PlanProgressService } from '../progress/plan-progress.service';

const BATCH = 100;

/**
 * The plans' calendar, run daily: approved plans whose year has begun start, and plans of
 * past years close with a generated summary (progress brought up to date first). Each
 * person is one short transaction; running it twice the same day changes nothing more.
 */
@Injectable()
export class PlanCalendarService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly learning: LearningApi,
    private readonly assessment: AssessmentApi,
    private readonly progress: PlanProgressService,
    private readonly changes: PlanChanges,
  ) {}

  async run(): Promise<{ started: number; closed: number }> {
    const now = this.clock.now();
    const year = planYearOf(now);
    let started = 0;
    let closed = 0;
    // Approved plans of this year or before: their year has begun, so they start now.
    let afterId = '';
    for (;;) {
      const due = await this.tx.run((m) =>
        m.find(DevelopmentPlan, {
          select: { id: true, userId: true },
          where: { status: 'approved', year: LessThan(year + 1), id: MoreThan(afterId) },
          order: { id: 'ASC' },
          take: BATCH,
        }),
      );
      for (const plan of due) await this.progress.refresh(plan.userId);
      started += due.length;
      if (due.length < BATCH) break;
      afterId = due[due.length - 1].id;
    }
    afterId = '';
    for (;;) {
      const past = await this.tx.run((m) =>
        m.find(DevelopmentPlan, {
          select: { id: true, userId: true },
          where: { status: In(OPEN), year: LessThan(year), id: MoreThan(afterId) },
          order: { id: 'ASC' },
          take: BATCH,
        }),
      );
      for (const plan of past) closed += await this.closeYearsBefore(plan.userId, year);
      if (past.length < BATCH) break;
      afterId = past[past.length - 1].id;
    }
    return { started, closed };
  }

  /** Closes the person's plans of years before `year`; returns how many it closed. */
  private closeYearsBefore(userId: string, year: number): Promise<number> {
    return this.tx.run(async (m) => {
      const plans = (await lockOpenPlans(m, userId)).filter((p) => p.year < year);
      if (plans.length === 0) return 0;
      const evidence = await this.progress.evidenceOf(userId);
      const postTests = await this.assessment.postTestResults(userId);
      const now = this.clock.now();
      for (const plan of plans) {
        const credits = await this.learning.creditsOf(userId, plan.year);
        await this.progress.refreshPlan(m, plan, credits, evidence, postTests);
        const summary = closingSummary({
          goals: await m.findBy(PlanGoal, { planId: plan.id }),
          activities: await m.findBy(PlanActivity, { planId: plan.id }),
          earnedJpTenths: plan.earnedJpTenths,
          targetJpTenths: plan.targetJpTenths,
        });
        await m
          .createQueryBuilder()
          .update(DevelopmentPlan)
          .set({ status: 'closed', closedAt: now, summary, version: () => 'version + 1', updatedAt: now })
          .where('id = :id', { id: plan.id })
          .updateEntity(false)
          .execute();
        await this.changes.notify(m, { planId: plan.id });
        await audit(m, {
          planId: plan.id,
          actorId: null,
          action: 'closed',
          fromStatus: plan.status,
          toStatus: 'closed',
          comment: summary,
          at: now,
        });
      }
      return plans.length;
    });
  }
}

const OPEN = ['draft', 'submitted', 'returned', 'endorsed', 'approved', 'in_progress'];
