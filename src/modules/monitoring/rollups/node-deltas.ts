import { CounterRow } from '../../../../libs/database';
import { LeafContribution } from './leaf-kind';
import { pathOf } from './node-path';
import { NODE_TABLES, NodeTableName } from './node-tables';

/**
 * The node-row changes that replace contributions by others (a leaf's old and new ones, or
 * many leaves' at once, summed): minus each old one on every node of its path, plus each new
 * one on every node of its path (a person who moved unit leaves the old subtree and joins the
 * new). Rows whose counters all cancel are dropped.
 */
export function nodeDeltasOf(
  befores: Array<LeafContribution | null>,
  afters: Array<LeafContribution | null>,
): Map<NodeTableName, CounterRow[]> {
  const merged = new Map<string, { table: NodeTableName; row: CounterRow }>();
  const add = (c: LeafContribution | null, sign: 1 | -1) => {
    if (!c) return;
    for (const place of pathOf(c.regionCode, c.unitId)) {
      for (const r of c.rows) {
        const spec = NODE_TABLES[r.table];
        const id = [r.table, place.node, ...spec.keys.map((k) => String(r.key[k]))].join('\u0000');
        let entry = merged.get(id);
        if (!entry) {
          entry = {
            table: r.table,
            row: { ...r.key, node: place.node, parent: place.parent, node_kind: place.nodeKind },
          };
          for (const counter of spec.counters) entry.row[counter] = 0;
          merged.set(id, entry);
        }
        for (const counter of spec.counters) {
          entry.row[counter] = (entry.row[counter] as number) + sign * (r.counters[counter] ?? 0);
        }
      }
    }
  };
  for (const before of befores) add(before, -1);
  for (const after of afters) add(after, 1);
  const out = new Map<NodeTableName, CounterRow[]>();
  for (const { table, row } of merged.values()) {
    if (NODE_TABLES[table].counters.every((c) => row[c] === 0)) continue;
    const rows = out.get(table) ?? [];
    rows.push(row);
    out.set(table, rows);
  }
  return out;
}
