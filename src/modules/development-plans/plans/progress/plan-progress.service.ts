import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { Clock } from '../../../../../libs/common';
import { isMysqlFamily, TransactionRunner } from '../../../../../libs/database';
import { AssessmentApi } from '../../../assessment/assessment.api';
import { LearningApi } from '../../../learning/learning.api';
import { applyProgress, ProgressActivity, ProgressEvidence, ProgressGoal } from '../domain/progress';
import { DevelopmentPlan, PlanActivity, PlanGoal } from '../entities';
import { PlanChanges } from '../plan-changes';
import { GoalEvidence } from './goal-evidence';
import { audit } from '../plan-writes';

/**
 * Recomputes a person's open plans from their credits, evidence and post-tests. Every
 * plan that is not closed counts completions (one finished before approval is not lost).
 * The plans are locked first, and the facts read after that, so of two refreshes racing
 * the later one sees everything the earlier one saw; the result depends only on the facts.
 */
@Injectable()
export class PlanProgressService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly learning: LearningApi,
    private readonly assessment: AssessmentApi,
    private readonly clock: Clock,
    private readonly changes: PlanChanges,
    private readonly goalEvidence: GoalEvidence,
  ) {}

  async refresh(userId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const plans = await lockOpenPlans(m, userId);
      if (plans.length === 0) return;
      const evidence = await this.goalEvidence.of(userId);
      const postTests = await this.assessment.postTestResults(userId);
      for (const plan of plans) {
        const credits = await this.learning.creditsOf(userId, plan.year);
        await this.refreshPlan(m, plan, credits, evidence, postTests);
      }
    });
  }

  /** What the person's goals are measured by (evidence, superseded by later assessments). */
  evidenceOf(userId: string): Promise<ProgressEvidence[]> {
    return this.goalEvidence.of(userId);
  }

  /** Brings one plan (already locked by the caller's transaction) up to date. */
  async refreshPlan(
    m: EntityManager,
    plan: DevelopmentPlan,
    credits: Awaited<ReturnType<LearningApi['creditsOf']>>,
    evidence: readonly ProgressEvidence[],
    postTests: Awaited<ReturnType<AssessmentApi['postTestResults']>>,
  ): Promise<void> {
    const now = this.clock.now();
    const goals = await m.find(PlanGoal, { where: { planId: plan.id } });
    const activities = await m.find(PlanActivity, { where: { planId: plan.id } });
    const next = applyProgress(plan, goals, activities, credits, evidence, postTests, now);

    for (const after of next.activities) {
      const before = activities.find((a) => a.id === after.id)!;
      if (sameActivity(before, after)) continue;
      const { status, doneAt, creditedJpTenths, doneSource, doneSourceId } = after;
      await m.update(PlanActivity, { id: after.id }, { status, doneAt, creditedJpTenths, doneSource, doneSourceId });
      if (before.status !== status) {
        const action = status === 'done' ? 'activity-done' : 'activity-undone';
        await audit(m, { planId: plan.id, actorId: null, action, comment: before.title, at: now });
      }
    }
    for (const after of next.goals) {
      const before = goals.find((g) => g.id === after.id)!;
      if (sameGoal(before, after)) continue;
      await m.update(PlanGoal, { id: after.id }, { currentLevel: after.currentLevel, reachedAt: after.reachedAt });
      if (!before.reachedAt && after.reachedAt) {
        const comment = `${after.competencyCode}: level ${after.currentLevel} (target ${after.targetLevel})`;
        await audit(m, { planId: plan.id, actorId: null, action: 'goal-reached', comment, at: now });
      }
    }
    if (next.status !== plan.status || next.earnedJpTenths !== plan.earnedJpTenths) {
      await m.update(DevelopmentPlan, { id: plan.id }, { status: next.status, earnedJpTenths: next.earnedJpTenths });
      if (next.status !== plan.status) {
        await this.changes.notify(m, { planId: plan.id });
        await audit(m, {
          planId: plan.id,
          actorId: null,
          action: 'started',
          fromStatus: plan.status,
          toStatus: next.status,
          at: now,
        });
      }
      plan.status = next.status;
      plan.earnedJpTenths = next.earnedJpTenths;
    }
  }
}

/** The person's plans that are not closed, locked for this transaction on MySQL. */
export function lockOpenPlans(m: EntityManager, userId: string): Promise<DevelopmentPlan[]> {
  if (!isMysqlFamily(m.connection)) return m.find(DevelopmentPlan, { where: { userId, status: Not('closed') } });
  return m
    .createQueryBuilder(DevelopmentPlan, 'p')
    .setLock('pessimistic_write')
    .where('p.user_id = :userId', { userId })
    .andWhere('p.status <> :closed', { closed: 'closed' })
    .orderBy('p.year', 'ASC')
    .getMany();
}

const time = (d: Date | null) => (d ? new Date(d).getTime() : null);

function sameActivity(a: PlanActivity, b: ProgressActivity): boolean {
  return (
    a.status === b.status &&
    time(a.doneAt) === time(b.doneAt) &&
    a.creditedJpTenths === b.creditedJpTenths &&
    a.doneSource === b.doneSource &&
    a.doneSourceId === b.doneSourceId
  );
}

function sameGoal(a: PlanGoal, b: ProgressGoal): boolean {
  return a.currentLevel === b.currentLevel && time(a.reachedAt) === time(b.reachedAt);
}
