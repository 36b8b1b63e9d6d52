import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { editable } from '../domain/workflow';
import { ActivityDto, GoalDto, UpdateActivityDto, UpdateGoalDto } from '../dto/plan.dto';
import { DevelopmentPlan, PlanActivity, PlanGoal } from '../entities';
import { visiblePlan } from '../plan-access';
import { PlanView } from '../plan-view';
import { audit, plannedJpTenths, writeIfCurrent } from '../plan-writes';
import { PlansError } from '../plans.errors';
import { PlansService } from '../plans.service';
import { PlanProgressService } from '../progress/plan-progress.service';
import { ActivitySource } from './activity-source';

/**
 * The ASN's participation: adding, changing and removing goals and activities while the
 * plan is theirs to edit. Every change names the plan version it was based on, bumps it,
 * keeps the planned JP in step and is audited.
 */
@Injectable()
export class PlanEditingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly plans: PlansService,
    private readonly competencies: CompetenciesApi,
    private readonly sources: ActivitySource,
    private readonly progress: PlanProgressService,
  ) {}

  async addGoal(user: AuthUser, planId: string, dto: GoalDto): Promise<PlanView> {
    const [competency] = await this.competencies.summaries([dto.competencyCode]);
    if (!competency) {
      throw new DomainException(PlansError.COMPETENCY_UNKNOWN, `Unknown competency ${dto.competencyCode}`, {
        fields: [{ field: 'competencyCode', rule: 'known', message: 'competencyCode is not in the dictionary' }],
      });
    }
    if (!competency.active) {
      throw new DomainException(PlansError.COMPETENCY_UNKNOWN, `Competency ${dto.competencyCode} is retired`, {
        fields: [{ field: 'competencyCode', rule: 'active', message: 'competencyCode is retired' }],
      });
    }
    // The level now, as the gap table has it: a later assessment outweighs older evidence.
    const evidence = await this.progress.evidenceOf(user.id);
    const baseline = Math.max(
      0,
      ...evidence.filter((e) => e.competencyCode === dto.competencyCode).map((e) => e.level),
    );
    return this.edit(user, planId, dto.version, async (m, plan, now) => {
      if (await m.existsBy(PlanGoal, { planId, competencyCode: dto.competencyCode })) {
        throw new DomainException(PlansError.GOAL_EXISTS, `The plan already has a goal for ${dto.competencyCode}`);
      }
      await m.insert(PlanGoal, {
        id: newId(),
        planId,
        competencyCode: dto.competencyCode,
        baselineLevel: baseline,
        targetLevel: dto.targetLevel,
        currentLevel: baseline,
        priority: dto.priority ?? 'medium',
        reachedAt: baseline >= dto.targetLevel ? now : null,
        // After the last one: a count would repeat a position once a goal was removed.
        position: (await maxPosition(m, PlanGoal, planId)) + 1,
      });
      return { action: 'goal-added', comment: `${dto.competencyCode} → level ${dto.targetLevel}` };
    });
  }

  updateGoal(user: AuthUser, planId: string, goalId: string, dto: UpdateGoalDto): Promise<PlanView> {
    return this.edit(user, planId, dto.version, async (m) => {
      const goal = await this.goal(m, planId, goalId);
      const reached = goal.currentLevel >= dto.targetLevel;
      await m.update(
        PlanGoal,
        { id: goalId },
        {
          targetLevel: dto.targetLevel,
          priority: dto.priority,
          reachedAt: reached ? (goal.reachedAt ?? this.clock.now()) : null,
        },
      );
      return { action: 'goal-changed', comment: `${goal.competencyCode} → level ${dto.targetLevel}, ${dto.priority}` };
    });
  }

  removeGoal(user: AuthUser, planId: string, goalId: string, version: number): Promise<PlanView> {
    return this.edit(user, planId, version, async (m) => {
      const goal = await this.goal(m, planId, goalId);
      await m.update(PlanActivity, { planId, goalId }, { goalId: null });
      await m.delete(PlanGoal, { id: goalId });
      return { action: 'goal-removed', comment: goal.competencyCode };
    });
  }

  async addActivity(user: AuthUser, planId: string, dto: ActivityDto): Promise<PlanView> {
    const source = await this.sources.resolve(dto);
    return this.edit(user, planId, dto.version, async (m) => {
      if (dto.goalId) await this.goal(m, planId, dto.goalId);
      if (source.courseId && (await m.existsBy(PlanActivity, { planId, courseId: source.courseId }))) {
        throw new DomainException(PlansError.ACTIVITY_EXISTS, 'The plan already has this course');
      }
      await m.insert(PlanActivity, {
        id: newId(),
        planId,
        goalId: dto.goalId ?? null,
        ...source,
        status: 'planned',
        doneAt: null,
        creditedJpTenths: 0,
        doneSource: null,
        doneSourceId: null,
        position: (await maxPosition(m, PlanActivity, planId)) + 1,
      });
      return { action: 'activity-added', comment: source.title };
    });
  }

  updateActivity(user: AuthUser, planId: string, activityId: string, dto: UpdateActivityDto): Promise<PlanView> {
    return this.edit(user, planId, dto.version, async (m) => {
      const activity = await this.activity(m, planId, activityId);
      if (dto.goalId) await this.goal(m, planId, dto.goalId);
      const changes: Partial<PlanActivity> = {};
      if (dto.goalId !== undefined) changes.goalId = dto.goalId;
      // A course counts its own JP and keeps its catalogue title.
      if (activity.kind === 'form' && dto.title) changes.title = dto.title;
      if (activity.kind === 'form' && dto.plannedJp !== undefined)
        changes.plannedJpTenths = Math.round(dto.plannedJp * 10);
      if (Object.keys(changes).length) await m.update(PlanActivity, { id: activityId }, changes);
      return { action: 'activity-changed', comment: changes.title ?? activity.title };
    });
  }

  removeActivity(user: AuthUser, planId: string, activityId: string, version: number): Promise<PlanView> {
    return this.edit(user, planId, version, async (m) => {
      const activity = await this.activity(m, planId, activityId);
      await m.delete(PlanActivity, { id: activityId });
      return { action: 'activity-removed', comment: activity.title };
    });
  }

  /** One participation edit: scope, owner, editable status, version, the change, planned JP, audit; then progress. */
  private async edit(
    user: AuthUser,
    planId: string,
    version: number,
    change: (m: EntityManager, plan: DevelopmentPlan, now: Date) => Promise<{ action: string; comment: string }>,
  ): Promise<PlanView> {
    await this.tx.run(async (m) => {
      const { plan, roles } = await visiblePlan(m, user, planId);
      if (!roles.includes('owner') || !editable(plan.status)) {
        throw new DomainException(
          PlansError.NOT_EDITABLE,
          roles.includes('owner')
            ? `A plan that is ${plan.status} cannot be changed`
            : 'Only the plan’s owner changes its goals and activities',
          { status: plan.status },
        );
      }
      const now = this.clock.now();
      await writeIfCurrent(m, planId, version, now);
      const done = await change(m, plan, now);
      await m.update(DevelopmentPlan, { id: planId }, { plannedJpTenths: await plannedJpTenths(m, planId) });
      await audit(m, { planId, actorId: user.id, action: done.action, comment: done.comment, at: now });
    });
    // A course already finished this year ticks the activity just added.
    await this.progress.refresh(user.id);
    return this.plans.get(user, planId);
  }

  private async goal(m: EntityManager, planId: string, goalId: string): Promise<PlanGoal> {
    const goal = await m.findOneBy(PlanGoal, { id: goalId, planId });
    if (!goal) throw new DomainException(PlansError.GOAL_NOT_FOUND, 'No such goal in this plan');
    return goal;
  }

  private async activity(m: EntityManager, planId: string, activityId: string): Promise<PlanActivity> {
    const activity = await m.findOneBy(PlanActivity, { id: activityId, planId });
    if (!activity) throw new DomainException(PlansError.ACTIVITY_NOT_FOUND, 'No such activity in this plan');
    return activity;
  }
}

async function maxPosition(
  m: EntityManager,
  entity: typeof PlanActivity | typeof PlanGoal,
  planId: string,
): Promise<number> {
  const row = await m
    .createQueryBuilder(entity, 'a')
    .select('COALESCE(MAX(a.position), 0)', 'max')
    .where('a.plan_id = :planId', { planId })
    .getRawOne<{ max: string | number }>();
  return Number(row?.max ?? 0);
}
