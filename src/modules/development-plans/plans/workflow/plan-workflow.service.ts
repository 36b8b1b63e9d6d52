import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../../../libs/auth';
import { Clock, DomainException, validationFailed } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { AssessmentApi } from '../../../assessment/assessment.api';
import { IdentityApi } from '../../../identity/identity.api';
import { LearningApi } from '../../../learning/learning.api';
import { planYearStart } from '../domain/plan-year';
import { closingSummary } from '../domain/summary';
import { PlanAction, shouldStart, transitionFor } from '../domain/workflow';
import { DevelopmentPlan, PlanActivity, PlanGoal } from '../entities';
import { visiblePlan } from '../plan-access';
import { PlanView } from '../plan-view';
import { PlanChanges } from '../plan-changes';
import { audit, writeIfCurrent } from '../plan-writes';
import { PlansError } from '../plans.errors';
import { PlansService } from '../plans.service';
import { PlanProgressService } from '../progress/plan-progress.service';
import { PlanNotices } from './plan-notices';

const AUDIT_ACTION: Record<PlanAction, string> = {
  submit: 'submitted',
  endorse: 'endorsed',
  return: 'returned',
  approve: 'approved',
  start: 'started',
  close: 'closed',
};

/**
 * Moves plans through the workflow table (domain/workflow.ts): checks who the caller is to
 * the plan, the version they saw and the comment a return needs; writes the new status, the
 * audit entry and the notice to whoever acts next, all in one transaction.
 */
@Injectable()
export class PlanWorkflowService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly plans: PlansService,
    private readonly identity: IdentityApi,
    private readonly learning: LearningApi,
    private readonly assessment: AssessmentApi,
    private readonly progress: PlanProgressService,
    private readonly notices: PlanNotices,
    private readonly changes: PlanChanges,
  ) {}

  async act(user: AuthUser, planId: string, action: PlanAction, version: number, comment?: string): Promise<PlanView> {
    const note = comment?.trim() || null;
    await this.tx.run(async (m) => {
      const { plan, roles } = await visiblePlan(m, user, planId, true);
      // Submission re-reads who the owner reports to now: the plan goes to today's supervisor.
      const [facts] = action === 'submit' ? await this.identity.factsOf([plan.userId]) : [];
      const supervisorId = action === 'submit' ? (facts?.supervisorId ?? null) : plan.supervisorId;
      const move = transitionFor(action, plan.status, roles, supervisorId !== null);
      if (!move) {
        throw new DomainException(PlansError.TRANSITION_NOT_ALLOWED, `Cannot ${action} a plan that is ${plan.status}`, {
          status: plan.status,
          action,
        });
      }
      if (move.commentRequired && !note) {
        throw validationFailed([{ field: 'comment', rule: 'required', message: 'comment must say what to fix' }]);
      }
      const now = this.clock.now();
      const changes: Partial<DevelopmentPlan> = { status: move.to };
      if (action === 'submit') {
        Object.assign(changes, { submittedAt: now, supervisorId, regionCode: facts?.regionCode ?? plan.regionCode });
        changes.unitId = facts?.unitId ?? plan.unitId;
      }
      if (action === 'approve') changes.approvedAt = now;
      if (action === 'close') {
        changes.closedAt = now;
        changes.summary = await this.summaryOf(m, plan, note);
      }
      const nextVersion = await writeIfCurrent(m, planId, version, now, changes);
      const forwarded = action === 'submit' && move.to === 'endorsed';
      await audit(m, {
        planId,
        actorId: user.id,
        action: AUDIT_ACTION[action],
        fromStatus: plan.status,
        toStatus: move.to,
        comment: forwarded ? (note ?? 'Tanpa atasan langsung: diteruskan ke unit.') : note,
        at: now,
      });
      const moved = { ...plan, ...changes, version: nextVersion } as DevelopmentPlan;
      await this.notices.after(m, moved, move, note, nextVersion);
      if (move.to === 'approved') await this.startIfDue(m, moved, now);
      await this.changes.notify(m, { planId });
    });
    return this.plans.get(user, planId);
  }

  /** An approved plan whose year has begun, or with an activity already done, is in progress at once. */
  private async startIfDue(m: EntityManager, plan: DevelopmentPlan, now: Date): Promise<void> {
    const anyDone = await m.existsBy(PlanActivity, { planId: plan.id, status: 'done' });
    if (!shouldStart(plan.status, anyDone, now, planYearStart(plan.year))) return;
    await m.update(DevelopmentPlan, { id: plan.id }, { status: 'in_progress' });
    await audit(m, {
      planId: plan.id,
      actorId: null,
      action: 'started',
      fromStatus: 'approved',
      toStatus: 'in_progress',
      at: now,
    });
  }

  /** Progress brought up to date first, so the summary counts the last completions. */
  private async summaryOf(m: EntityManager, plan: DevelopmentPlan, note: string | null): Promise<string> {
    const [credits, evidence, postTests] = [
      await this.learning.creditsOf(plan.userId, plan.year),
      await this.progress.evidenceOf(plan.userId),
      await this.assessment.postTestResults(plan.userId),
    ];
    await this.progress.refreshPlan(m, plan, credits, evidence, postTests);
    const goals = await m.findBy(PlanGoal, { planId: plan.id });
    const activities = await m.findBy(PlanActivity, { planId: plan.id });
    return closingSummary({
      goals,
      activities,
      earnedJpTenths: plan.earnedJpTenths,
      targetJpTenths: plan.targetJpTenths,
      note,
    });
  }
}
