import { EntityManager } from 'typeorm';
import { NATION } from './node-path';
import { reconcileRows } from './node-reconcile';
import { compileSqlSource, CompiledSqlSource, NodeSource, SqlNodeSource, TextNodeSource } from './node-sources';
import { NodeSums } from './node-sums';
import { writeUnitRows } from './node-unit-rows';
import { NODE_TABLES } from './node-tables';

type Row = Record<string, string | number | null>;

/** Leaves per GROUP BY of a batched source (see SqlNodeSource.batchBy). */
const LEAVES_PER_GROUP_BY = 50_000;

/**
 * Brings every node row of a source's table to the sum of its leaves, placed as `pathOf`
 * places a leaf: a unit row under the leaf's region ('' without one), then the region and
 * nation rows. Unit rows are many (one per unit and dimensions): the database sums and
 * writes them (INSERT ... SELECT ... GROUP BY), except from JSON text. The region and nation
 * rows come from the leaves grouped by region without the unit (a few thousand groups),
 * added up each region code's prefix chain in memory. Rows are overwritten, not deleted
 * and inserted again: a row the rebuild confirms costs a read, not a write to every index.
 */
export async function rebuildNodeTable(m: EntityManager, source: NodeSource): Promise<void> {
  if ('parts' in source) {
    const target = await textSums(m, source as TextNodeSource);
    await reconcileRows(m, source.table, await m.query(`SELECT * FROM ${source.table}`), target);
    return;
  }
  const s = compileSqlSource(source as SqlNodeSource);
  await writeUnitRows(m, s);
  const regions = await regionSums(m, s);
  await reconcileRows(m, s.table, await regionRowsAndUnitRowsOfNoLeaf(m, s), regions);
}

/**
 * What the region sums are reconciled with: the region and nation rows, and the unit rows of
 * no leaf (the sums have none of those, so they are deleted). An anti-join against the leaves'
 * distinct unit keys, which the database builds once: as `(keys) NOT IN (SELECT ...)` MariaDB
 * matched every row against every leaf (nullable columns), minutes at a million ASN. Where each
 * unit row is one leaf, the keys are the leaf's primary key and already distinct: without
 * DISTINCT MariaDB merges the derived table and looks each row up by that key, instead of
 * building a temporary table that outgrows memory (course nodes at 50,000 ASN: 7.7 s → 0.9 s).
 */
async function regionRowsAndUnitRowsOfNoLeaf(m: EntityManager, s: CompiledSqlSource): Promise<Row[]> {
  const unitKeys = [...s.keyExprs.map((e, i) => `${e} AS k${i}`), `${s.unit} AS u`];
  const on = [...s.keys.map((k, i) => `l.k${i} = n.${k}`), 'l.u = n.node'].join(' AND ');
  return m.query(
    `SELECT n.* FROM ${s.table} n
     LEFT JOIN (SELECT ${s.oneLeafPerRow ? '' : 'DISTINCT '}${unitKeys.join(', ')} FROM ${s.from} WHERE ${s.units}) l ON ${on}
     WHERE n.node_kind <> 'U' OR l.u IS NULL`,
  );
}

/** The leaves grouped by region and dimensions, added up to the nation. */
async function regionSums(m: EntityManager, s: CompiledSqlSource): Promise<NodeSums> {
  const columns = ['region_code AS region', ...aliased(s.keyExprs, 'k'), ...aliased(s.counterExprs.map(summed), 'c')];
  const select = `SELECT ${columns.join(', ')} FROM ${s.from} WHERE ${s.where}`;
  const groupBy = `GROUP BY ${['region_code', ...s.keyExprs].join(', ')}`;
  const sums = new NodeSums(s.table);
  for (const range of await batches(m, s)) {
    const groups: Row[] = await m.query(`${select}${range.where} ${groupBy}`, range.params);
    for (const g of groups) {
      sums.addUp(
        g.region as string | null,
        s.keys.map((_, i) => g[`k${i}`] as string | number),
        s.counters.map((_, i) => Number(g[`c${i}`])),
      );
    }
  }
  return sums;
}

/** Ranges of the batch column of about LEAVES_PER_GROUP_BY leaves each (one range for all without one). */
async function batches(
  m: EntityManager,
  s: Pick<SqlNodeSource, 'from' | 'batchBy'>,
): Promise<Array<{ where: string; params: unknown[] }>> {
  const column = s.batchBy;
  if (!column) return [{ where: '', params: [] }];
  const counts: Row[] = await m.query(
    `SELECT ${column} AS v, COUNT(*) AS n FROM ${s.from} GROUP BY ${column} ORDER BY ${column}`,
  );
  const ranges: Array<{ where: string; params: unknown[] }> = [];
  let after: unknown = null;
  let leaves = 0;
  for (let i = 0; i < counts.length; i++) {
    leaves += Number(counts[i].n);
    if (leaves < LEAVES_PER_GROUP_BY && i < counts.length - 1) continue;
    const upTo = counts[i].v;
    ranges.push(
      after === null
        ? { where: ` AND ${column} <= ?`, params: [upTo] }
        : { where: ` AND ${column} > ? AND ${column} <= ?`, params: [after, upTo] },
    );
    after = upTo;
    leaves = 0;
  }
  return ranges;
}

/** The contributing leaves read raw and summed per unit, per region and up to the nation. */
async function textSums(m: EntityManager, s: TextNodeSource): Promise<NodeSums> {
  const { keys, counters } = NODE_TABLES[s.table];
  const leaves: Array<Record<string, unknown>> = await m.query(
    `SELECT ${['region_code', `${s.unit} AS unit`, ...s.columns].join(', ')} FROM ${s.from} WHERE ${s.where}`,
  );
  const nodes = new NodeSums(s.table);
  const byRegion = new NodeSums(s.table);
  for (const leaf of leaves) {
    const region = (leaf.region_code as string | null) || NATION;
    for (const part of s.parts(leaf)) {
      const key = part.key as Record<string, string | number>;
      const add = part.counters as Record<string, number | undefined>;
      const values = keys.map((k) => key[k]);
      const sums = counters.map((c) => add[c] ?? 0);
      byRegion.add(region, null, 'R', values, sums);
      if (leaf.unit) nodes.add(leaf.unit as string, region, 'U', values, sums);
    }
  }
  for (const sum of byRegion.all()) nodes.addUp(sum.node, sum.values, sum.sums);
  return nodes;
}

function summed(expr: string): string {
  return `SUM(${expr})`;
}

function aliased(exprs: string[], prefix: string): string[] {
  return exprs.map((e, i) => `${e} AS ${prefix}${i}`);
}
