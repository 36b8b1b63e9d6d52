import { EntityManager } from 'typeorm';

/**
 * Helpers shared by the leaf tables keyed by person (mon_jp_person, mon_competency_person).
 * Raw SQL with `?` placeholders works on both SQLite and MySQL; booleans are written as 1/0.
 */

/** The next units (ids in order) to group after `cursor`; the first batch also takes the rows without a unit. */
export async function unitBatch(
  m: EntityManager,
  table: string,
  cursor: string | null,
  size: number,
): Promise<{ where: string; params: string[]; next: string | null }> {
  const rows: Array<{ u: string }> = await m.query(
    `SELECT DISTINCT unit_id AS u FROM ${table} WHERE applied = 1 AND unit_id IS NOT NULL` +
      (cursor ? ' AND unit_id > ?' : '') +
      ` ORDER BY unit_id LIMIT ${size}`,
    cursor ? [cursor] : [],
  );
  const units = rows.map((r) => r.u);
  const parts: string[] = [];
  const params: string[] = [];
  if (cursor === null) parts.push('unit_id IS NULL');
  if (units.length > 0) {
    parts.push('(unit_id >= ? AND unit_id <= ?)');
    params.push(units[0], units[units.length - 1]);
  }
  return {
    where: parts.length ? `applied = 1 AND (${parts.join(' OR ')})` : '1 = 0',
    params,
    next: units.length === size ? units[units.length - 1] : null,
  };
}

/**
 * Deletes the leaves of people in the id range (after, upTo] (upTo null: to the end) that
 * are not among `keep`: people no longer ASN (or no longer counted) in that range.
 */
export async function deleteOthersInRange(
  m: EntityManager,
  table: string,
  after: string | null,
  upTo: string | null,
  keep: string[],
): Promise<void> {
  const conditions: string[] = [];
  const params: string[] = [];
  if (after !== null) {
    conditions.push('user_id > ?');
    params.push(after);
  }
  if (upTo !== null) {
    conditions.push('user_id <= ?');
    params.push(upTo);
  }
  if (keep.length > 0) {
    conditions.push(`user_id NOT IN (${keep.map(() => '?').join(', ')})`);
    params.push(...keep);
  }
  await m.query(`DELETE FROM ${table}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`, params);
}
