import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { IdentityApi } from '../../identity/identity.api';
import { jpShortfall } from './domain/jp-shortfall';
import { allowedActions, editable, PlanRole } from './domain/workflow';
import { DevelopmentPlan, PlanActivity, PlanEvent, PlanGoal } from './entities';
import { jpOf, PlanSummaryView, PlanView, shortfallWarnings } from './plan-view';

/** Turns plan rows into the views the API and the pages show (names, competency titles, JP). */
@Injectable()
export class PlanReader {
  constructor(
    private readonly identity: IdentityApi,
    private readonly competencies: CompetenciesApi,
  ) {}

  async view(m: EntityManager, user: AuthUser, plan: DevelopmentPlan, roles: PlanRole[]): Promise<PlanView> {
    const [goals, activities, events] = await Promise.all([
      m.find(PlanGoal, { where: { planId: plan.id }, order: { position: 'ASC' } }),
      m.find(PlanActivity, { where: { planId: plan.id }, order: { position: 'ASC' } }),
      m.find(PlanEvent, { where: { planId: plan.id }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    events.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a.action) - rank(b.action));
    const people = [plan.userId, plan.supervisorId, ...events.map((e) => e.actorId)].filter((x): x is string => !!x);
    const [names, competencies] = await Promise.all([
      this.identity.namesOf([...new Set(people)]),
      this.competencies.summaries(goals.map((g) => g.competencyCode)),
    ]);
    const competencyName = new Map(competencies.map((c) => [c.code, c.name]));
    const short = jpShortfall(plan.plannedJpTenths, plan.targetJpTenths);
    const actions = allowedActions(plan.status, roles);
    return {
      id: plan.id,
      userId: plan.userId,
      ownerName: names.get(plan.userId)?.name ?? '',
      ownerNip: names.get(plan.userId)?.nip ?? null,
      year: plan.year,
      status: plan.status,
      regionCode: plan.regionCode,
      supervisorId: plan.supervisorId,
      supervisorName: plan.supervisorId ? (names.get(plan.supervisorId)?.name ?? null) : null,
      version: plan.version,
      jp: {
        target: jpOf(plan.targetJpTenths),
        planned: jpOf(plan.plannedJpTenths),
        earned: jpOf(plan.earnedJpTenths),
        shortfall: jpOf(short.shortfallTenths),
        short: short.short,
      },
      warnings: shortfallWarnings(short),
      goals: goals.map((g) => ({
        id: g.id,
        competencyCode: g.competencyCode,
        competencyName: competencyName.get(g.competencyCode) ?? g.competencyCode,
        baselineLevel: g.baselineLevel,
        targetLevel: g.targetLevel,
        currentLevel: g.currentLevel,
        priority: g.priority,
        reached: g.currentLevel >= g.targetLevel,
        reachedAt: g.reachedAt,
      })),
      activities: activities.map((a) => ({
        id: a.id,
        goalId: a.goalId,
        kind: a.kind,
        courseId: a.courseId,
        formCode: a.formCode,
        title: a.title,
        plannedJp: jpOf(a.plannedJpTenths),
        status: a.status,
        doneAt: a.doneAt,
        creditedJp: jpOf(a.creditedJpTenths),
        doneSource: a.doneSource,
      })),
      events: events.map((e) => ({
        action: e.action,
        actorId: e.actorId,
        actorName: e.actorId ? (names.get(e.actorId)?.name ?? null) : null,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        comment: e.comment,
        at: e.at,
      })),
      summary: plan.summary,
      submittedAt: plan.submittedAt,
      approvedAt: plan.approvedAt,
      closedAt: plan.closedAt,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
      actions,
      editable: roles.includes('owner') && editable(plan.status),
    };
  }

  async summaries(plans: DevelopmentPlan[]): Promise<PlanSummaryView[]> {
    const names = await this.identity.namesOf([...new Set(plans.map((p) => p.userId))]);
    return plans.map((p) => ({
      id: p.id,
      userId: p.userId,
      ownerName: names.get(p.userId)?.name ?? '',
      ownerNip: names.get(p.userId)?.nip ?? null,
      year: p.year,
      status: p.status,
      regionCode: p.regionCode,
      targetJp: jpOf(p.targetJpTenths),
      plannedJp: jpOf(p.plannedJpTenths),
      earnedJp: jpOf(p.earnedJpTenths),
      submittedAt: p.submittedAt,
      updatedAt: p.updatedAt,
    }));
  }
}

/** Events of one transaction share a time: they read in the order they happen in. */
const ORDER = [
  'created',
  'goal-added',
  'goal-changed',
  'goal-removed',
  'activity-added',
  'activity-changed',
  'activity-removed',
  'submitted',
  'endorsed',
  'returned',
  'approved',
  'activity-done',
  'activity-undone',
  'goal-reached',
  'started',
  'closed',
];
const rank = (action: string) => (ORDER.includes(action) ? ORDER.indexOf(action) : ORDER.length);
