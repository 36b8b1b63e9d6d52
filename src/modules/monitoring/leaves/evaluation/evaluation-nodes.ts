import { NodeSource } from '../../rollups/node-sources';

/** A unit's Kirkpatrick sums of a year, as evaluationContribution counts a leaf. */
export const EVALUATION_NODE_SOURCES: readonly NodeSource[] = [
  {
    table: 'mon_evaluation_node',
    from: 'mon_evaluation_leaf',
    where: 'applied = 1',
    unit: 'unit_key',
    oneLeafPerRow: true,
    keys: { year: 'year' },
    counters: {
      l1_sum: 'l1_sum',
      l1_count: 'l1_count',
      l2_gain_sum: 'l2_gain_sum',
      l2_count: 'l2_count',
      l3_applied: 'l3_applied',
      l3_answered: 'l3_answered',
    },
  },
];
