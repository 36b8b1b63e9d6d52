import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addToCounters, CounterRow, runRetryingDeadlocks, TransactionRunner } from '../../../../libs/database';
import { LeafKind } from './leaf-kind';
import { nodeDeltasOf } from './node-deltas';
import { counterTableOf, NODE_TABLE_NAMES, NodeTableName } from './node-tables';
import { lockRollups } from './rollup-lock';

/**
 * Brings leaves up to date with their sources and moves the node rows by the difference.
 * Two first refreshes of one new leaf may both insert it and then lock it, which MySQL may
 * resolve as a deadlock: the loser runs again (it was rolled back whole). A leaf that exists
 * is locked before anything else touches it, so refreshes of it only wait for each other.
 */
@Injectable()
export class LeafRefresher {
  constructor(private readonly tx: TransactionRunner) {}

  refresh<K, S>(kind: LeafKind<K, S>, key: K): Promise<void> {
    return this.refreshMany(kind, [key]);
  }

  /**
   * Many leaves of one kind in one transaction (a job's keys): the leaves are locked in key
   * order, computed with the kind's bulk query when it has one, and the node rows move once
   * by the summed difference. An import of 10,000 people is then ~100 transactions, not 20,000.
   */
  refreshMany<K, S>(kind: LeafKind<K, S>, keys: K[]): Promise<void> {
    const sorted = [...new Map(keys.map((k) => [canonicalKey(k), k])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, k]) => k);
    return runRetryingDeadlocks(this.tx, async (m) => {
      await lockRollups(m, 'shared');
      let befores: Array<S | null> = [];
      if (kind.claimMany && kind.readLockedMany) {
        // Most leaves exist already (a JP leaf from the day its ASN joined): lock them first
        // and claim only the ones the read did not find, then lock those.
        befores = await kind.readLockedMany(m, sorted);
        const missing = befores.flatMap((b, i) => (b === null ? [i] : []));
        if (missing.length > 0) {
          const keys = missing.map((i) => sorted[i]);
          await kind.claimMany(m, keys);
          const claimed = await kind.readLockedMany(m, keys);
          missing.forEach((i, j) => (befores[i] = claimed[j]));
        }
      } else {
        for (const key of sorted) {
          // Lock first, claim only when not there: claiming a row that exists takes a shared
          // lock on it, and two refreshes of one leaf that both hold that lock deadlock on
          // taking the exclusive one (a course's leaf, refreshed by every grade of an exam).
          let before = await kind.readLocked(m, key);
          if (before === null) {
            await kind.claim(m, key);
            before = await kind.readLocked(m, key);
          }
          befores.push(before);
        }
      }
      const afters = kind.computeMany
        ? await kind.computeMany(m, sorted)
        : await sequentially(sorted, (key) => kind.compute(m, key));
      await applyNodeDeltas(
        m,
        nodeDeltasOf(
          befores.map((b) => b && kind.contribution(b)),
          afters.map((a) => a && kind.contribution(a)),
        ),
      );
      if (kind.writeMany) await kind.writeMany(m, sorted, afters);
      else for (let i = 0; i < sorted.length; i++) await kind.write(m, sorted[i], afters[i]);
    });
  }
}

/** Writes node deltas table by table in a fixed order (with sorted rows: no deadlock cycles). */
export async function applyNodeDeltas(m: EntityManager, deltas: Map<NodeTableName, CounterRow[]>): Promise<void> {
  for (const name of NODE_TABLE_NAMES) {
    const rows = deltas.get(name);
    if (rows?.length) await addToCounters(m, counterTableOf(name), rows);
  }
}

async function sequentially<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await work(item));
  return out;
}

/**
 * A key as text with its fields in name order: producers write {userId, year} and {year,
 * userId} alike, and one leaf refreshed twice in a batch would move its nodes twice.
 */
export function canonicalKey(key: unknown): string {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) return JSON.stringify(key);
  const record = key as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((name) => [name, record[name]]),
    ),
  );
}
