import type { DataSource } from 'typeorm';
import { isMysqlFamily, quoteName } from './dialect';

/** What a multi-row INSERT does with a row whose key is stored already. */
export type OnDuplicateKey =
  | { kind: 'ignore' }
  /** The stored row takes the new row's `columns`. */
  | { kind: 'overwrite'; keys: readonly string[]; columns: readonly string[] }
  /** The new row's `columns` are added to the stored row's (counters; deltas may be negative). */
  | { kind: 'add'; keys: readonly string[]; columns: readonly string[] };

/**
 * `INSERT … VALUES (?, …), … ` for `rowCount` rows of `columns`, with the duplicate-key clause
 * of the data source's dialect (MySQL/MariaDB: INSERT IGNORE, ON DUPLICATE KEY UPDATE;
 * SQLite: INSERT OR IGNORE, ON CONFLICT … DO UPDATE). Names are quoted here; the caller
 * sends the values row by row in `columns` order.
 */
export function multiRowInsert(
  dataSource: Pick<DataSource, 'options'>,
  table: string,
  columns: readonly string[],
  rowCount: number,
  onDuplicate: OnDuplicateKey,
): string {
  const mysql = isMysqlFamily(dataSource);
  const q = quoteName(dataSource);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES ${Array.from({ length: rowCount }, () => tuple).join(', ')}`;
  if (onDuplicate.kind === 'ignore') return `${mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} ${head}`;
  const set = (c: string) => {
    const incoming = mysql ? `VALUES(${q(c)})` : `excluded.${q(c)}`;
    return `${q(c)} = ${onDuplicate.kind === 'add' ? `${q(c)} + ${incoming}` : incoming}`;
  };
  const assignments = onDuplicate.columns.map(set).join(', ');
  return mysql
    ? `INSERT ${head} ON DUPLICATE KEY UPDATE ${assignments}`
    : `INSERT ${head} ON CONFLICT (${onDuplicate.keys.map(q).join(', ')}) DO UPDATE SET ${assignments}`;
}

/** A value of `caseById` written into the statement as SQL (an expression of the row's own columns). */
export class SqlExpression {
  constructor(readonly sql: string) {}
}

/**
 * `column = CASE id WHEN ? THEN ? … [ELSE fallback] END`: one column of many rows changed in one
 * UPDATE, each row to its own value. Pushes each row's id and value to `params`, in order.
 * Without a fallback, rows not listed would get NULL: the UPDATE's WHERE must name only listed ids.
 * That is also why, without a fallback, rows that all get the same value (a batch's status,
 * its date, its maximum) are simply `column = ?`: the ids are not sent, escaped and matched
 * once more per column.
 */
export function caseById(
  column: string,
  rows: ReadonlyArray<readonly [id: string, value: unknown]>,
  params: unknown[],
  fallback?: string,
): string {
  if (fallback === undefined && rows.length > 0 && rows.every(([, value]) => sameValue(value, rows[0][1]))) {
    const value = rows[0][1];
    if (value instanceof SqlExpression) return `${column} = ${value.sql}`;
    params.push(value);
    return `${column} = ?`;
  }
  const arms = rows.map(([id, value]) => {
    params.push(id);
    if (value instanceof SqlExpression) return `WHEN ? THEN ${value.sql}`;
    params.push(value);
    return 'WHEN ? THEN ?';
  });
  return `${column} = CASE id ${arms.join(' ')}${fallback ? ` ELSE ${fallback}` : ''} END`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof SqlExpression && b instanceof SqlExpression) return a.sql === b.sql;
  return false;
}
