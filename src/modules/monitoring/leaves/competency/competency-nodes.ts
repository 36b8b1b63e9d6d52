import { NodeSource } from '../../rollups/node-sources';
import { CompetencyLevels, isMet } from './coverage';

/** Coverage as CompetencyLeaves.contribution counts a leaf: each required competency once, met or not. */
export const COMPETENCY_NODE_SOURCES: readonly NodeSource[] = [
  {
    table: 'mon_competency_node',
    from: 'mon_competency_person',
    where: 'applied = 1 AND levels IS NOT NULL',
    unit: 'unit_id',
    columns: ['levels'],
    parts: (leaf) =>
      Object.entries(JSON.parse(String(leaf.levels)) as CompetencyLevels).map(([code, pair]) => ({
        key: { competency_code: code },
        counters: { required: 1, met: isMet(pair) ? 1 : 0 },
      })),
  },
];
