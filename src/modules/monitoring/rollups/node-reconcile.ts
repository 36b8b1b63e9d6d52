import { EntityManager } from 'typeorm';
import { addToCounters, CounterRow, deleteByKeys } from '../../../../libs/database';
import { NodeSums } from './node-sums';
import { counterTableOf, NODE_TABLES, NodeTableName } from './node-tables';

/**
 * Makes the `stored` node rows equal to `target` (rows whose counters are all 0 left out):
 * each row's counters move by the difference (an additive upsert of the rows that differ),
 * stored rows not in the target are deleted, target rows not stored are inserted. A rebuild
 * that confirms the increments then writes nothing.
 */
export async function reconcileRows(m: EntityManager, table: NodeTableName, stored: CounterRow[], target: NodeSums) {
  const { keys, counters } = NODE_TABLES[table];
  const stale: CounterRow[] = [];
  const deltas: CounterRow[] = [];
  for (const old of stored) {
    const sum = target.take(String(old.node), NodeSums.dimensionsOf(keys.map((k) => old[k])));
    const counts = sum?.sums.some((n) => n !== 0);
    // The parent is fixed on insert: a row placed elsewhere is deleted and inserted again.
    if (!sum || !counts || sum.parent !== old.parent || sum.nodeKind !== old.node_kind) {
      stale.push(old);
      if (sum && counts) deltas.push(target.rowOf(sum));
      continue;
    }
    const difference = counters.map((c, i) => sum.sums[i] - Number(old[c]));
    if (difference.some((n) => n !== 0)) deltas.push(target.rowOf(sum, difference));
  }
  for (const sum of target.all()) if (sum.sums.some((n) => n !== 0)) deltas.push(target.rowOf(sum));
  await deleteByKeys(m, table, counterTableOf(table).keys, stale);
  await addToCounters(m, counterTableOf(table), deltas);
}
