import { EntityManager } from 'typeorm';

/**
 * Pages of a leaf table by unit for the rebuild's GROUP BY: the first page (cursor null) also
 * holds the rows without a unit; `next` is the last unit of the page, null after the last page.
 * `where` uses the named parameters in `params` (a query builder condition).
 */
export async function unitPage(
  m: EntityManager,
  table: string,
  unitColumn: string,
  cursor: string | null,
  units: number,
): Promise<{ where: string; params: Record<string, string>; next: string | null; empty: boolean }> {
  const ids: Array<{ u: string }> = await m.query(
    `SELECT DISTINCT ${unitColumn} AS u FROM ${table} WHERE ${unitColumn} > ? ORDER BY ${unitColumn} LIMIT ${Number(units)}`,
    [cursor ?? ''],
  );
  const last = ids.length ? ids[ids.length - 1].u : null;
  const range = last ? `(${unitColumn} > :unitFrom AND ${unitColumn} <= :unitTo)` : '1 = 0';
  const params = { unitFrom: cursor ?? '', unitTo: last ?? '' };
  const where = cursor === null ? `(${unitColumn} IS NULL OR ${unitColumn} = '' OR ${range})` : range;
  return { where, params, next: last, empty: last === null && cursor !== null };
}
