import { NodeSource } from '../../rollups/node-sources';

/** Plans per year and status, as planContribution counts a leaf. */
export const PLAN_NODE_SOURCES: readonly NodeSource[] = [
  {
    table: 'mon_plan_node',
    from: 'mon_plan_leaf',
    where: 'applied = 1',
    unit: 'unit_id',
    keys: { year: 'year', status: 'status' },
    counters: { plans: '1' },
  },
];
