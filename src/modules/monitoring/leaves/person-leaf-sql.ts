import { EntityManager } from 'typeorm';

/**
 * Helpers shared by the leaf tables keyed by person (mon_jp_person, mon_competency_person).
 * Raw SQL with `?` placeholders works on both SQLite and MySQL; booleans are written as 1/0.
 */

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
