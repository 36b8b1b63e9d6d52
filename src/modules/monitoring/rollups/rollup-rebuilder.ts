import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { addToCounters, CounterRow, TransactionRunner } from '../../../../libs/database';
import { MonRebuild, MonState } from '../entities';
import { nodeDeltas } from './node-deltas';
import { counterTableOf, NODE_TABLE_NAMES, NodeTableName } from './node-tables';
import { lockRollups, ROLLUP_STATE_ID } from './rollup-lock';
import { REBUILDABLE_LEAVES, RebuildableLeaves } from './rebuildable';

/**
 * The reference computation: every leaf again from the sources (in batches, each holding the
 * rollup lock exclusively so that no increment interleaves), then every node row again from
 * the leaves in one exclusive transaction. The increments must always agree with this.
 */
@Injectable()
export class RollupRebuilder {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(REBUILDABLE_LEAVES) private readonly kinds: RebuildableLeaves[],
  ) {}

  async run(rebuildId: string | null): Promise<void> {
    let done = 0;
    for (const kind of this.kinds) {
      await this.progress(rebuildId, `leaves:${kind.name}`, done);
      let cursor: string | null = null;
      do {
        const batch: { count: number; next: string | null } = await this.tx.run(async (m) => {
          await lockRollups(m, 'exclusive');
          return kind.rebuildBatch(m, cursor);
        });
        done += batch.count;
        cursor = batch.next;
        await this.progress(rebuildId, `leaves:${kind.name}`, done);
      } while (cursor !== null);
    }
    await this.progress(rebuildId, 'nodes', done);
    await this.tx.run(async (m) => {
      await lockRollups(m, 'exclusive');
      await this.rebuildNodes(m);
      await m.update(MonState, { id: ROLLUP_STATE_ID }, { rebuiltAt: this.clock.now() });
    });
  }

  /** Node rows from the grouped leaves: unit rows written batch by batch, region rows summed in memory. */
  private async rebuildNodes(m: EntityManager): Promise<void> {
    for (const name of NODE_TABLE_NAMES) await m.query(`DELETE FROM ${name}`);
    const regional = new Map<NodeTableName, Map<string, CounterRow>>();
    for (const kind of this.kinds) {
      let cursor: string | null = null;
      do {
        const batch: Awaited<ReturnType<RebuildableLeaves['groupedContributions']>> = await kind.groupedContributions(
          m,
          cursor,
        );
        const unitRows = new Map<NodeTableName, CounterRow[]>();
        for (const contribution of batch.contributions) {
          for (const [table, rows] of nodeDeltas(null, contribution)) {
            for (const row of rows) {
              if (row.node_kind === 'U') {
                const list = unitRows.get(table) ?? [];
                list.push(row);
                unitRows.set(table, list);
              } else {
                sumInto(regional, table, row);
              }
            }
          }
        }
        for (const [table, rows] of unitRows) await addToCounters(m, counterTableOf(table), rows);
        cursor = batch.next;
      } while (cursor !== null);
    }
    for (const [table, rows] of regional) await addToCounters(m, counterTableOf(table), [...rows.values()]);
  }

  private async progress(rebuildId: string | null, phase: string, done: number): Promise<void> {
    if (!rebuildId) return;
    await this.tx.run((m) => m.update(MonRebuild, { id: rebuildId }, { status: 'running', phase, done }));
  }
}

function sumInto(target: Map<NodeTableName, Map<string, CounterRow>>, table: NodeTableName, row: CounterRow): void {
  const spec = counterTableOf(table);
  const id = spec.keys.map((k) => String(row[k])).join('\u0000');
  let rows = target.get(table);
  if (!rows) target.set(table, (rows = new Map()));
  const existing = rows.get(id);
  if (!existing) {
    rows.set(id, { ...row });
    return;
  }
  for (const c of spec.counters) existing[c] = (existing[c] as number) + (row[c] as number);
}
