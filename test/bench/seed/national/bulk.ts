import type { EntityManager } from 'typeorm';

/** Deterministic pseudo-random numbers (mulberry32): the same --seed gives the same data set. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ids in UUID form that grow with a counter (kind byte, seed, counter): deterministic, and
 * appended at the end of each primary key instead of scattered over it, which keeps bulk
 * inserts of tens of millions of rows from thrashing the InnoDB buffer pool.
 */
export function idMaker(kind: number, seed: number): () => string {
  const prefix = kind.toString(16).padStart(2, '0') + (seed >>> 0).toString(16).padStart(8, '0').slice(-6);
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

/** A datetime as both databases store it (UTC, milliseconds): what TypeORM writes for a Date. */
export function sqlDate(d: Date): string {
  return d.toISOString().replace('T', ' ').slice(0, 23);
}

export type Cell = string | number | null;

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: Cell[][];
}

export function tableRows(table: string, columns: readonly string[]): TableRows {
  return { table, columns, rows: [] };
}

export const BATCH_ROWS = 1000;

/**
 * Writes rows with multi-row INSERTs of up to BATCH_ROWS rows (fewer for wide rows, under
 * SQLite's 32,766 bound parameters). The caller holds the transaction.
 */
export async function insertAll(m: EntityManager, t: TableRows): Promise<number> {
  const per = Math.max(1, Math.min(BATCH_ROWS, Math.floor(30_000 / t.columns.length)));
  // Backticks quote names on both MySQL and SQLite (`position` is a reserved word in MariaDB).
  const head = `INSERT INTO \`${t.table}\` (${t.columns.map((c) => `\`${c}\``).join(', ')}) VALUES `;
  const tuple = `(${t.columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < t.rows.length; i += per) {
    const slice = t.rows.slice(i, i + per);
    await m.query(head + Array(slice.length).fill(tuple).join(', '), slice.flat());
  }
  const written = t.rows.length;
  t.rows = [];
  return written;
}
