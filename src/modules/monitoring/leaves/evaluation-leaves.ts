import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { DevelopmentPlansApi, EvaluationTotals } from '../../development-plans/development-plans.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { MonEvaluationLeaf } from '../entities';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';
import { EVALUATION_NODE_SOURCES } from './evaluation/evaluation-nodes';
import { evaluationContribution, EvaluationState, isEmpty } from './evaluation/evaluation-state';
import { insertIgnore, lockedLeaf, regionsOfUnits } from './leaf-rows';
import { keyRange, syncLeaves } from './leaf-sync';

type Key = LeafKeys['evaluation'];
type State = EvaluationState & Key;

/** Units per rebuild batch (and per lock): each batch is a few GROUP BYs over their range. */
const UNITS_PER_BATCH = 1000;

/**
 * The 'evaluation' leaves: a unit's ('' = learners without one) L1/L2/L3 sums of a WIB year,
 * from DevelopmentPlansApi.evaluationTotals (the evaluation rows carry the learner's unit and
 * year since they were written). The region is the unit's; no unit counts at the nation only.
 */
@Injectable()
export class EvaluationLeaves implements LeafKind<Key, State>, RebuildableLeaves {
  readonly name = 'evaluation';
  readonly nodeSources = EVALUATION_NODE_SOURCES;

  constructor(
    private readonly plans: DevelopmentPlansApi,
    private readonly organisation: OrganisationApi,
    private readonly clock: Clock,
  ) {}

  async claim(m: EntityManager, key: Key): Promise<void> {
    await insertIgnore(m, MonEvaluationLeaf, [this.row(key, null)]);
  }

  async readLocked(m: EntityManager, key: Key): Promise<State | null> {
    const row = await lockedLeaf(m, MonEvaluationLeaf, { unitKey: key.unitKey, year: key.year });
    return row?.applied ? fromRow(row) : null;
  }

  async compute(_m: EntityManager, key: Key): Promise<State | null> {
    const totals = await this.plans.evaluationTotals(key.unitKey, key.year);
    if (isEmpty(totals)) return null;
    const regions = await regionsOfUnits(this.organisation, [key.unitKey]);
    return { ...key, ...totals, regionCode: regions.get(key.unitKey) ?? null };
  }

  async write(m: EntityManager, key: Key, state: State | null): Promise<void> {
    const where = { unitKey: key.unitKey, year: key.year };
    if (!state) await m.delete(MonEvaluationLeaf, where);
    else await m.update(MonEvaluationLeaf, where, this.row(key, state));
  }

  contribution(state: State): LeafContribution {
    return evaluationContribution(state, state);
  }

  async rebuildBatch(m: EntityManager, cursor: string | null): Promise<{ count: number; next: string | null }> {
    const { totals, lastUnitKey } = await this.plans.evaluationTotalsPage(cursor, UNITS_PER_BATCH);
    const regions = await regionsOfUnits(
      this.organisation,
      totals.map((t) => t.unitKey),
    );
    const rows = totals
      .filter((t) => !isEmpty(t))
      .map((t) => this.row(t, { ...t, regionCode: regions.get(t.unitKey) ?? null }));
    // The first batch also holds the learners without a unit (key ''), which sorts first.
    await syncLeaves(m, MonEvaluationLeaf, keyRange('unit_key', cursor, lastUnitKey), rows);
    return { count: rows.length, next: lastUnitKey };
  }

  private row(key: Key, state: (EvaluationTotals & { regionCode: string | null }) | null): MonEvaluationLeaf {
    return {
      year: key.year,
      unitKey: key.unitKey,
      applied: state !== null,
      regionCode: state?.regionCode ?? null,
      l1Sum: state?.l1Sum ?? 0,
      l1Count: state?.l1Count ?? 0,
      l2GainSum: state?.l2GainSum ?? 0,
      l2Count: state?.l2Count ?? 0,
      l3Applied: state?.l3Applied ?? 0,
      l3Answered: state?.l3Answered ?? 0,
      updatedAt: this.clock.now(),
    };
  }
}

function fromRow(row: MonEvaluationLeaf): State {
  const { year, unitKey, regionCode, l1Sum, l1Count, l2GainSum, l2Count, l3Applied, l3Answered } = row;
  return { year, unitKey, regionCode, l1Sum, l1Count, l2GainSum, l2Count, l3Applied, l3Answered };
}
