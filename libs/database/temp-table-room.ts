import type { EntityManager } from 'typeorm';
import { isMysqlFamily } from './dialect';

/**
 * Runs `work` on `m`'s connection with its implicit temporary tables (GROUP BY, DISTINCT,
 * derived tables) kept in memory up to `bytes` each, then gives the connection back with the
 * server's defaults. MySQL and MariaDB move a temporary table to disk once it outgrows
 * min(tmp_table_size, max_heap_table_size), 16 MB by default, and then work row by row
 * against it; a bulk job that groups hundreds of thousands of rows (the monitoring rebuild)
 * spent most of its time there. Elsewhere (SQLite) it just runs `work`.
 */
export async function withTempTableRoom<T>(m: EntityManager, bytes: number, work: () => Promise<T>): Promise<T> {
  if (!isMysqlFamily(m.connection)) return work();
  await m.query('SET SESSION tmp_table_size = ?, max_heap_table_size = ?', [bytes, bytes]);
  try {
    return await work();
  } finally {
    // The connection goes back to the pool: every later user gets the defaults again. A
    // failure here means the connection itself failed, and the pool drops it.
    await m.query('SET SESSION tmp_table_size = DEFAULT, max_heap_table_size = DEFAULT').catch(() => undefined);
  }
}
