import type { DataSource } from 'typeorm';

/** MySQL and MariaDB share SQL features the code relies on (row locks, advisory locks). */
export function isMysqlFamily(dataSource: Pick<DataSource, 'options'>): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}

/** A table or column name quoted for the data source's dialect (backticks on MySQL, double quotes elsewhere). */
export function quoteName(dataSource: Pick<DataSource, 'options'>): (name: string) => string {
  return isMysqlFamily(dataSource) ? (name) => `\`${name}\`` : (name) => `"${name}"`;
}

/** Rows per DELETE of deleteByKeys. */
const KEYS_PER_DELETE = 500;

/**
 * Deletes the rows whose key columns equal those of `rows` (one column: IN; several: row
 * values, which SQLite and MySQL both read), a few hundred per statement.
 */
export async function deleteByKeys(
  m: { connection: Pick<DataSource, 'options'>; query: (sql: string, params: unknown[]) => Promise<unknown> },
  table: string,
  keys: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const q = quoteName(m.connection);
  const column = keys.length === 1 ? q(keys[0]) : `(${keys.map(q).join(', ')})`;
  const tuple = keys.length === 1 ? '?' : `(${keys.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += KEYS_PER_DELETE) {
    const chunk = rows.slice(start, start + KEYS_PER_DELETE);
    await m.query(
      `DELETE FROM ${q(table)} WHERE ${column} IN (${chunk.map(() => tuple).join(', ')})`,
      chunk.flatMap((r) => keys.map((k) => r[k])),
    );
  }
}

/**
 * Find options that read rows for update: a row lock to the end of the transaction on
 * MySQL; nothing on SQLite, whose write transactions already run one at a time.
 */
export function forUpdateOn(m: { connection: Pick<DataSource, 'options'> }): { lock?: { mode: 'pessimistic_write' } } {
  return isMysqlFamily(m.connection) ? { lock: { mode: 'pessimistic_write' } } : {};
}
