import type { EvaluationTotals } from '../../../development-plans/development-plans.api';
import { LeafContribution } from '../../rollups/leaf-kind';

/** A unit's Kirkpatrick sums of a year, at the unit's region. */
export interface EvaluationState extends EvaluationTotals {
  regionCode: string | null;
}

export function isEmpty(t: EvaluationTotals): boolean {
  return t.l1Count === 0 && t.l2Count === 0 && t.l3Answered === 0;
}

export function evaluationContribution(key: { unitKey: string; year: number }, s: EvaluationState): LeafContribution {
  return {
    regionCode: s.regionCode,
    unitId: key.unitKey || null,
    rows: [
      {
        table: 'mon_evaluation_node',
        key: { year: key.year },
        counters: {
          l1_sum: s.l1Sum,
          l1_count: s.l1Count,
          l2_gain_sum: s.l2GainSum,
          l2_count: s.l2Count,
          l3_applied: s.l3Applied,
          l3_answered: s.l3Answered,
        },
      },
    ],
  };
}
