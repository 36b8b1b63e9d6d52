import { DataSource } from 'typeorm';

/** The nation, every region prefix of a code, then the unit: where a person's numbers add up. */
export function nodesOf(regionCode: string | null, unitId: string | null): string[] {
  const nodes = [''];
  if (regionCode) {
    const parts = regionCode.split('.');
    for (let i = 1; i <= parts.length; i++) nodes.push(parts.slice(0, i).join('.'));
  }
  if (unitId) nodes.push(unitId);
  return nodes;
}

/** Rows of a node table (counters all zero dropped: increments may leave them, the rebuild does not). */
export async function nodeRows(
  db: DataSource,
  table: string,
  keys: string[],
  counters: string[],
): Promise<Record<string, Record<string, number>>> {
  const rows: Array<Record<string, string | number | null>> = await db.query(`SELECT * FROM ${table}`);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const values = Object.fromEntries(counters.map((c) => [c, Number(r[c])]));
    if (counters.every((c) => values[c] === 0)) continue;
    out[[r.node, ...keys.map((k) => r[k])].join('|')] = values;
  }
  return out;
}

/** Adds a contribution to a map keyed like nodeRows. */
export function addTo(
  target: Record<string, Record<string, number>>,
  key: string,
  counters: Record<string, number>,
  all: string[],
): void {
  const row = (target[key] ??= Object.fromEntries(all.map((c) => [c, 0])));
  for (const [c, v] of Object.entries(counters)) row[c] += v;
}

/** Only the rows of these nodes (what a dashboard of those nodes would read). */
export function ofNodes(rows: Record<string, Record<string, number>>, nodes: string[]) {
  return Object.fromEntries(Object.entries(rows).filter(([k]) => nodes.includes(k.split('|')[0])));
}
