import type { PlanPlace } from '../../../development-plans/development-plans.api';
import { LeafContribution } from '../../rollups/leaf-kind';

/** A plan as the node tables count it: one plan of its year and status, at its owner's unit. */
export type PlanState = Omit<PlanPlace, 'planId'>;

export function planContribution(s: PlanState): LeafContribution {
  return {
    regionCode: s.regionCode,
    unitId: s.unitId,
    rows: [{ table: 'mon_plan_node', key: { year: s.year, status: s.status }, counters: { plans: 1 } }],
  };
}
