import { EntityManager } from 'typeorm';
import { DomainException, newId } from '../../../../libs/common';
import { DevelopmentPlan, PlanActivity, PlanEvent } from './entities';
import { PlansError } from './plans.errors';

export interface AuditEntry {
  planId: string;
  /** Null for the system. */
  actorId: string | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
  at: Date;
}

/** Appends to a plan's audit trail, in the caller's transaction. */
export async function audit(m: EntityManager, entry: AuditEntry): Promise<void> {
  await m
    .createQueryBuilder()
    .insert()
    .into(PlanEvent)
    .values({
      id: newId(),
      planId: entry.planId,
      actorId: entry.actorId,
      action: entry.action,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      comment: entry.comment ? entry.comment.slice(0, 1000) : null,
      at: entry.at,
    })
    .updateEntity(false)
    .execute();
}

/**
 * Writes a person's change to a plan only if nobody changed it since they loaded `version`
 * (optimistic lock), bumping the version; otherwise 409. The conditional UPDATE also takes
 * the row lock on MySQL, so the rest of the transaction is serialised with other writers.
 */
export async function writeIfCurrent(
  m: EntityManager,
  planId: string,
  version: number,
  now: Date,
  changes: Partial<DevelopmentPlan> = {},
): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .update(DevelopmentPlan)
    .set({ ...changes, version: () => 'version + 1', updatedAt: now })
    .where('id = :planId AND version = :version', { planId, version })
    .updateEntity(false)
    .execute();
  if (!result.affected) {
    throw new DomainException(
      PlansError.STALE_VERSION,
      'The plan was changed since you loaded it; reload it and try again',
      { version },
    );
  }
  return version + 1;
}

/** The planned JP of a plan: the sum of its activities. */
export async function plannedJpTenths(m: EntityManager, planId: string): Promise<number> {
  const row = await m
    .createQueryBuilder(PlanActivity, 'a')
    .select('COALESCE(SUM(a.planned_jp_tenths), 0)', 'total')
    .where('a.plan_id = :planId', { planId })
    .getRawOne<{ total: string | number }>();
  return Number(row?.total ?? 0);
}
