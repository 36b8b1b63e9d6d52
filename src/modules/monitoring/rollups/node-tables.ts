import { CounterTable } from '../../../../libs/database';

/** The node tables, their dimension keys (besides the node) and their counters. */
export const NODE_TABLES = {
  mon_jp_node: {
    keys: ['year', 'employee_type', 'golongan'],
    counters: ['people', 'jp_0', 'jp_1_9', 'jp_10_19', 'jp_20_plus', 'met_target', 'jp_tenths'],
  },
  mon_jp_month_node: { keys: ['year', 'month'], counters: ['attained'] },
  mon_course_node: { keys: ['course_id', 'assignment_key'], counters: ['requested', 'active', 'completed'] },
  mon_course_deadline_node: { keys: ['course_id', 'assignment_key', 'deadline_day'], counters: ['open_count'] },
  mon_competency_node: { keys: ['competency_code'], counters: ['required', 'met'] },
  mon_plan_node: { keys: ['year', 'status'], counters: ['plans'] },
  mon_evaluation_node: {
    keys: ['year'],
    counters: ['l1_sum', 'l1_count', 'l2_gain_sum', 'l2_count', 'l3_applied', 'l3_answered'],
  },
} as const;

export type NodeTableName = keyof typeof NODE_TABLES;
export const NODE_TABLE_NAMES = Object.keys(NODE_TABLES) as NodeTableName[];

/** The counter-table spec of a node table: the node is part of the key, the parent fixed on insert. */
export function counterTableOf(name: NodeTableName): CounterTable {
  const t = NODE_TABLES[name];
  return { table: name, keys: [...t.keys, 'node'], counters: t.counters, fixed: ['parent', 'node_kind'] };
}
