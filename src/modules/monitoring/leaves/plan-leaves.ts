import { Injectable } from '@nestjs/common';
import { And, EntityManager, LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { DevelopmentPlansApi, PlanPlace } from '../../development-plans/development-plans.api';
import { MonPlanLeaf } from '../entities';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';
import { insertIgnore, lockedLeaf } from './leaf-rows';
import { planContribution, PlanState } from './plan/plan-state';
import { unitPage } from './unit-pages';

type Key = LeafKeys['plan'];
type State = PlanState;

const PLANS_PER_BATCH = 500;
const UNITS_PER_BATCH = 500;

/**
 * The 'plan' leaves: each development plan's year and status at its owner's region and unit
 * (as the plan carries them: copied at creation and submission), from DevelopmentPlansApi.
 */
@Injectable()
export class PlanLeaves implements LeafKind<Key, State>, RebuildableLeaves {
  readonly name = 'plan';

  constructor(
    private readonly plans: DevelopmentPlansApi,
    private readonly clock: Clock,
  ) {}

  async claim(m: EntityManager, key: Key): Promise<void> {
    await insertIgnore(m, MonPlanLeaf, [this.row(key.planId, null)]);
  }

  async readLocked(m: EntityManager, key: Key): Promise<State | null> {
    const row = await lockedLeaf(m, MonPlanLeaf, { planId: key.planId });
    return row?.applied
      ? { year: row.year, status: row.status as State['status'], regionCode: row.regionCode, unitId: row.unitId }
      : null;
  }

  async compute(_m: EntityManager, key: Key): Promise<State | null> {
    const [place] = await this.plans.planPlaces([key.planId]);
    return place ? stateOf(place) : null;
  }

  async write(m: EntityManager, key: Key, state: State | null): Promise<void> {
    if (!state) await m.delete(MonPlanLeaf, { planId: key.planId });
    else await m.update(MonPlanLeaf, { planId: key.planId }, this.row(key.planId, state));
  }

  contribution(state: State): LeafContribution {
    return planContribution(state);
  }

  async rebuildBatch(m: EntityManager, cursor: string | null): Promise<{ count: number; next: string | null }> {
    const places = await this.plans.planPlacesAfter(cursor, PLANS_PER_BATCH);
    const last = places.length === PLANS_PER_BATCH ? places[places.length - 1].planId : null;
    const after = MoreThan(cursor ?? '');
    await m.delete(MonPlanLeaf, { planId: last ? And(after, LessThanOrEqual(last)) : after });
    await insertIgnore(
      m,
      MonPlanLeaf,
      places.map((p) => this.row(p.planId, stateOf(p))),
    );
    return { count: places.length, next: last };
  }

  async groupedContributions(
    m: EntityManager,
    cursor: string | null,
  ): Promise<{ contributions: LeafContribution[]; next: string | null }> {
    const page = await unitPage(m, 'mon_plan_leaf', 'unit_id', cursor, UNITS_PER_BATCH);
    if (page.empty) return { contributions: [], next: null };
    const groups: Array<Record<string, string | number | null>> = await m
      .createQueryBuilder(MonPlanLeaf, 'l')
      .select('l.region_code', 'regionCode')
      .addSelect('l.unit_id', 'unitId')
      .addSelect('l.year', 'year')
      .addSelect('l.status', 'status')
      .addSelect('COUNT(*)', 'plans')
      .where(page.where, page.params)
      .andWhere('l.applied = :applied', { applied: true })
      .groupBy('l.region_code')
      .addGroupBy('l.unit_id')
      .addGroupBy('l.year')
      .addGroupBy('l.status')
      .getRawMany();
    return {
      contributions: groups.map((g) => {
        const c = planContribution({
          regionCode: (g.regionCode as string | null) ?? null,
          unitId: (g.unitId as string | null) || null,
          year: Number(g.year),
          status: g.status as State['status'],
        });
        c.rows[0].counters.plans = Number(g.plans);
        return c;
      }),
      next: page.next,
    };
  }

  private row(planId: string, state: State | null): MonPlanLeaf {
    return {
      planId,
      applied: state !== null,
      year: state?.year ?? 0,
      regionCode: state?.regionCode ?? null,
      unitId: state?.unitId ?? null,
      status: state?.status ?? '',
      updatedAt: this.clock.now(),
    };
  }
}

function stateOf(p: PlanPlace): State {
  return { year: p.year, status: p.status, regionCode: p.regionCode, unitId: p.unitId };
}
