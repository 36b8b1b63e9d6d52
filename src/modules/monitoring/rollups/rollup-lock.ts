import { EntityManager } from 'typeorm';
import { isMysqlFamily } from '../../../../libs/database';

export const ROLLUP_STATE_ID = 'rollups';

/**
 * Every leaf refresh holds the state row shared, the rebuild holds it exclusively: a rebuild
 * batch never interleaves with an increment, and increments run side by side. On SQLite the
 * single writer already serialises transactions. A locking read does not fix the snapshot,
 * so the reads that follow see everything committed before the lock was granted.
 */
export async function lockRollups(m: EntityManager, mode: 'shared' | 'exclusive'): Promise<void> {
  if (!isMysqlFamily(m.connection)) return;
  const lock = mode === 'shared' ? 'LOCK IN SHARE MODE' : 'FOR UPDATE';
  await m.query(`SELECT id FROM mon_state WHERE id = ? ${lock}`, [ROLLUP_STATE_ID]);
}

/** `FOR UPDATE` where the database has row locks (MySQL/MariaDB); '' on SQLite. */
export function forUpdate(m: EntityManager): string {
  return isMysqlFamily(m.connection) ? ' FOR UPDATE' : '';
}
