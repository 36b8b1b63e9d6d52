import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityApi } from '../../../identity/identity.api';
import { NotificationsApi } from '../../../notifications/notifications.api';
import { Transition } from '../domain/workflow';
import { DevelopmentPlan } from '../entities';

/** The page where a plan is read and acted on. */
export const planLink = (planId: string) => `/rencana/${planId}`;

/**
 * Tells whoever acts next, in the transition's transaction: the supervisor when a plan is
 * submitted; the unit admins whose scope contains the plan's region when it is endorsed
 * (or submitted by someone without a supervisor); the owner when it is returned or approved.
 * Event keys carry the plan's new version, so a retried transaction notifies once.
 */
@Injectable()
export class PlanNotices {
  constructor(
    private readonly identity: IdentityApi,
    private readonly notifications: NotificationsApi,
  ) {}

  async after(
    m: EntityManager,
    plan: DevelopmentPlan,
    move: Transition,
    note: string | null,
    version: number,
  ): Promise<void> {
    const key = (what: string) => `plan-${what}:${plan.id}:${version}`;
    const link = planLink(plan.id);
    if (move.to === 'submitted' || move.to === 'endorsed') {
      const recipients =
        move.to === 'submitted'
          ? [plan.supervisorId!]
          : plan.regionCode
            ? await this.identity.unitAdminsCovering(plan.regionCode)
            : [];
      if (recipients.length === 0) return;
      const learner = (await this.identity.namesOf([plan.userId])).get(plan.userId)?.name ?? '';
      await this.notifications.notify(m, {
        category: 'plan-awaiting-review',
        eventKey: key(move.to),
        recipientIds: recipients,
        params: { learner, year: plan.year },
        link,
      });
    } else if (move.to === 'returned') {
      await this.notifications.notify(m, {
        category: 'plan-returned',
        eventKey: key('returned'),
        recipientIds: [plan.userId],
        params: { year: plan.year, ...(note ? { reason: note.slice(0, 500) } : {}) },
        link,
      });
    } else if (move.to === 'approved') {
      await this.notifications.notify(m, {
        category: 'plan-approved',
        eventKey: key('approved'),
        recipientIds: [plan.userId],
        params: { year: plan.year },
        link,
      });
    }
  }
}
