import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addToCounters, CounterRow, TransactionRunner } from '../../../../libs/database';
import { LeafKind } from './leaf-kind';
import { nodeDeltas } from './node-deltas';
import { counterTableOf, NODE_TABLE_NAMES, NodeTableName } from './node-tables';
import { lockRollups } from './rollup-lock';

/** Brings one leaf up to date with its sources and moves the node rows by the difference. */
@Injectable()
export class LeafRefresher {
  constructor(private readonly tx: TransactionRunner) {}

  refresh<K, S>(kind: LeafKind<K, S>, key: K): Promise<void> {
    return this.tx.run(async (m) => {
      await lockRollups(m, 'shared');
      await kind.claim(m, key);
      const before = await kind.readLocked(m, key);
      const after = await kind.compute(m, key);
      await applyNodeDeltas(m, nodeDeltas(before && kind.contribution(before), after && kind.contribution(after)));
      await kind.write(m, key, after);
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
