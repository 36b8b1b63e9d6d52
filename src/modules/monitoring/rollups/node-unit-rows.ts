import { EntityManager } from 'typeorm';
import { CounterRow, isMysqlFamily } from '../../../../libs/database';
import { reconcileRows } from './node-reconcile';
import { CompiledSqlSource } from './node-sources';
import { NodeSums } from './node-sums';

type Row = Record<string, string | number | null>;

/** Differing leaf rows written from Node; with more (a first rebuild), the database overwrites them all. */
const MAX_CHANGED_ROWS = 1000;

/**
 * Brings a SQL source's unit rows to the sums of their leaves, in the database. The unit
 * rows of no leaf are not touched here (the region reconciliation deletes them).
 */
export async function writeUnitRows(m: EntityManager, s: CompiledSqlSource): Promise<void> {
  if (s.oneLeafPerRow) await compareLeafRows(m, s);
  else await upsertUnitRows(m, s);
}

/** INSERT ... SELECT ... GROUP BY that overwrites the stored rows (unchanged ones are not written). */
async function upsertUnitRows(m: EntityManager, s: CompiledSqlSource): Promise<void> {
  const set = ['parent', 'node_kind', ...s.counters];
  const overwrite = isMysqlFamily(m.connection)
    ? `ON DUPLICATE KEY UPDATE ${set.map((c) => `${c} = VALUES(${c})`).join(', ')}`
    : `ON CONFLICT (${[...s.keys, 'node'].join(', ')}) DO UPDATE SET ${set.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  // A unit's leaves all carry the unit's region; MIN keeps the parent deterministic should they
  // not. A group always counts something (every counted leaf does), so no row is all 0.
  await m.query(
    `INSERT INTO ${s.table} (${[...s.keys, 'node', 'parent', 'node_kind', ...s.counters].join(', ')})
     SELECT ${[...s.keyExprs, s.unit, "MIN(COALESCE(region_code, ''))", "'U'", ...s.counterExprs.map((e) => `SUM(${e})`)].join(', ')}
     FROM ${s.from} WHERE ${s.units} GROUP BY ${s.unitKeys} ${overwrite}`,
  );
}

/**
 * Each leaf against its stored unit row in one join, only the rows that differ returned and
 * written: a read of the stored row costs half of what an upsert that finds it does.
 */
async function compareLeafRows(m: EntityManager, s: CompiledSqlSource): Promise<void> {
  const columns = [...s.keys, 'node', 'parent', 'node_kind', ...s.counters];
  // The stored columns renamed, so that no leaf expression can name them.
  const stored = `(SELECT ${columns.map((c) => `${c} AS n_${c}`).join(', ')} FROM ${s.table} WHERE node_kind = 'U')`;
  const parent = "COALESCE(region_code, '')";
  const on = [...s.keyExprs.map((e, i) => `n_${s.keys[i]} = ${e}`), `n_node = ${s.unit}`].join(' AND ');
  const differs = [
    'n_node IS NULL',
    `n_parent <> ${parent}`,
    ...s.counterExprs.map((e, i) => `n_${s.counters[i]} <> ${e}`),
  ];
  const selected = [
    ...s.keyExprs.map((e, i) => `${e} AS k${i}`),
    `${s.unit} AS u`,
    `${parent} AS p`,
    ...s.counterExprs.map((e, i) => `${e} AS c${i}`),
    ...columns.map((c) => `n_${c}`),
  ];
  const rows: Row[] = await m.query(
    `SELECT ${selected.join(', ')} FROM ${s.from} LEFT JOIN ${stored} n ON ${on}
     WHERE ${s.units} AND (${differs.join(' OR ')}) LIMIT ${MAX_CHANGED_ROWS + 1}`,
  );
  if (rows.length > MAX_CHANGED_ROWS) return upsertUnitRows(m, s);
  const target = new NodeSums(s.table);
  const old: CounterRow[] = [];
  for (const r of rows) {
    const values = s.keys.map((_, i) => r[`k${i}`] as string | number);
    const sums = s.counters.map((_, i) => Number(r[`c${i}`]));
    target.add(String(r.u), String(r.p), 'U', values, sums);
    if (r.n_node !== null) old.push(Object.fromEntries(columns.map((c) => [c, r[`n_${c}`]])));
  }
  await reconcileRows(m, s.table, old, target);
}
