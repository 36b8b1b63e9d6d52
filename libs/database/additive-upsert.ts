import type { EntityManager } from 'typeorm';
import { multiRowInsert } from './multi-row-sql';

/** A table of counters keyed by some columns; rows are added to, never overwritten. */
export interface CounterTable {
  table: string;
  /** The primary key columns. */
  keys: readonly string[];
  /** Columns that are added to (deltas may be negative). */
  counters: readonly string[];
  /** Columns written on insert only (e.g. the parent of a node): they follow from the key. */
  fixed?: readonly string[];
}

export type CounterRow = Record<string, string | number | null>;

const CHUNK = 400;

/**
 * Adds each row's counters to the stored row with the same key (inserting it when absent),
 * in multi-row statements. Rows are sent in key order so that two transactions touching the
 * same rows lock them in the same order and cannot deadlock each other.
 */
export async function addToCounters(manager: EntityManager, spec: CounterTable, rows: CounterRow[]): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => compareKeys(a, b, spec.keys));
  const columns = [...spec.keys, ...(spec.fixed ?? []), ...spec.counters];
  const onDuplicate = { kind: 'add', keys: spec.keys, columns: spec.counters } as const;
  for (let start = 0; start < sorted.length; start += CHUNK) {
    const chunk = sorted.slice(start, start + CHUNK);
    const params = chunk.flatMap((row) => columns.map((c) => row[c] ?? (spec.counters.includes(c) ? 0 : null)));
    await manager.query(multiRowInsert(manager.connection, spec.table, columns, chunk.length, onDuplicate), params);
  }
}

function compareKeys(a: CounterRow, b: CounterRow, keys: readonly string[]): number {
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
