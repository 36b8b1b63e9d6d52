import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser, regionSubtreeCondition, regionWithin } from '../../../../libs/auth';
import { DomainException } from '../../../../libs/common';
import { isMysqlFamily } from '../../../../libs/database';
import type { PlanRole } from './domain/workflow';
import { DevelopmentPlan } from './entities';
import { PlansError } from './plans.errors';

/**
 * What the caller is to a plan: its owner, the owner's supervisor (the plan's reviewer),
 * the unit admin of a region containing it (a national admin everywhere). None means the
 * plan is outside their scope: it does not exist for them (404). The owner is only that:
 * a unit admin's or a supervisor's own plan goes to someone else for review.
 */
export function rolesOf(
  user: AuthUser,
  plan: Pick<DevelopmentPlan, 'userId' | 'supervisorId' | 'regionCode'>,
): PlanRole[] {
  // Nobody reviews or approves their own plan, whatever else they are.
  if (plan.userId === user.id) return ['owner'];
  const roles: PlanRole[] = [];
  if (plan.supervisorId === user.id) roles.push('supervisor');
  if (
    user.role === 'national_admin' ||
    (user.role === 'unit_admin' && user.scopeRegionCode && regionWithin(plan.regionCode, user.scopeRegionCode))
  )
    roles.push('unit_admin');
  return roles;
}

/** A plan the caller may see, with their roles; 404 otherwise. On MySQL `lock` holds the row for the transaction. */
export async function visiblePlan(
  m: EntityManager,
  user: AuthUser,
  planId: string,
  lock = false,
): Promise<{ plan: DevelopmentPlan; roles: PlanRole[] }> {
  const qb = m.createQueryBuilder(DevelopmentPlan, 'p').where('p.id = :planId', { planId });
  if (lock && isMysqlFamily(m.connection)) qb.setLock('pessimistic_write');
  const plan = await qb.getOne();
  const roles = plan ? rolesOf(user, plan) : [];
  if (!plan || roles.length === 0) throw new DomainException(PlansError.PLAN_NOT_FOUND, 'No such plan');
  return { plan, roles };
}

/**
 * Narrows a query over plans (alias `p`) to the caller's scope: everything for a national
 * admin, the region subtree for a unit admin, otherwise their own plans and the plans they
 * review as someone's supervisor.
 */
export function plansInScope(
  qb: SelectQueryBuilder<DevelopmentPlan>,
  user: AuthUser,
): SelectQueryBuilder<DevelopmentPlan> {
  if (user.role === 'national_admin') return qb;
  if (user.role === 'unit_admin' && user.scopeRegionCode) {
    const c = regionSubtreeCondition('p.region_code', user.scopeRegionCode);
    return qb.andWhere(c.sql, c.params);
  }
  return qb.andWhere('(p.user_id = :scopeUser OR p.supervisor_id = :scopeUser)', { scopeUser: user.id });
}
