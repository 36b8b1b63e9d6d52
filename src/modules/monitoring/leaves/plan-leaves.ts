import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { DevelopmentPlansApi, PlanPlace } from '../../development-plans/development-plans.api';
import { MonPlanLeaf } from '../entities';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';
import { insertIgnore, lockedLeaf } from './leaf-rows';
import { keyRange, syncLeaves } from './leaf-sync';
import { PLAN_NODE_SOURCES } from './plan/plan-nodes';
import { planContribution, PlanState } from './plan/plan-state';

type Key = LeafKeys['plan'];
type State = PlanState;

/** Plans per rebuild batch (and per lock): small rows, a few tenths of a second on MariaDB. */
const PLANS_PER_BATCH = 5000;

/**
 * The 'plan' leaves: each development plan's year and status at its owner's region and unit
 * (as the plan carries them: copied at creation and submission), from DevelopmentPlansApi.
 */
@Injectable()
export class PlanLeaves implements LeafKind<Key, State>, RebuildableLeaves {
  readonly name = 'plan';
  readonly nodeSources = PLAN_NODE_SOURCES;

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
    const now = this.clock.now();
    await syncLeaves(
      m,
      MonPlanLeaf,
      keyRange('plan_id', cursor, last),
      places.map((p) => this.row(p.planId, stateOf(p), now)),
    );
    return { count: places.length, next: last };
  }

  private row(planId: string, state: State | null, now = this.clock.now()): MonPlanLeaf {
    return {
      planId,
      applied: state !== null,
      year: state?.year ?? 0,
      regionCode: state?.regionCode ?? null,
      unitId: state?.unitId ?? null,
      status: state?.status ?? '',
      updatedAt: now,
    };
  }
}

function stateOf(p: PlanPlace): State {
  return { year: p.year, status: p.status, regionCode: p.regionCode, unitId: p.unitId };
}
