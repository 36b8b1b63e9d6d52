import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { isMysqlFamily, TransactionRunner, withTempTableRoom } from '../../../../libs/database';
import { MonRebuild, MonState } from '../entities';
import { rebuildNodeTable } from './node-rebuild';
import { lockRollups, ROLLUP_STATE_ID } from './rollup-lock';
import { REBUILDABLE_LEAVES, RebuildableLeaves } from './rebuildable';

/**
 * In-memory room for each GROUP BY of the node phase (see withTempTableRoom): the JP node
 * table groups every person leaf, and at 1,000,000 ASN its temporary tables went to disk
 * (mon_jp_node 28.0 s; 10.6-13.9 s with the room). The leaf batches group a batch's range
 * only, and were no faster with it.
 */
const TEMP_TABLE_ROOM = 256 * 1024 * 1024;

/**
 * The reference computation: every leaf again from the sources (in batches, each holding the
 * rollup lock exclusively so that no increment interleaves), then every node row again from
 * the leaves in one exclusive transaction. The increments must always agree with this.
 */
@Injectable()
export class RollupRebuilder {
  private readonly logger = new Logger(RollupRebuilder.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(REBUILDABLE_LEAVES) private readonly kinds: RebuildableLeaves[],
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async run(rebuildId: string | null): Promise<void> {
    let done = 0;
    for (const kind of this.kinds) {
      const started = performance.now();
      const before = done;
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
      this.logger.log(`rebuilt ${done - before} ${kind.name} leaves in ${seconds(started)} s`);
    }
    await this.progress(rebuildId, 'nodes', done);
    const started = performance.now();
    await this.tx.run((m) =>
      withTempTableRoom(m, TEMP_TABLE_ROOM, async () => {
        await lockRollups(m, 'exclusive');
        await this.rebuildNodes(m);
        await m.update(MonState, { id: ROLLUP_STATE_ID }, { rebuiltAt: this.clock.now() });
      }),
    );
    this.logger.log(`rebuilt the node rows in ${seconds(started)} s`);
    await this.refreshStatistics();
  }

  /**
   * A rebuild may have written most rows of the leaf and node tables; their index statistics
   * are brought up to date at once rather than whenever InnoDB next samples them. With stale
   * ones MariaDB read a national list's page after a cursor by scanning the list from its
   * start (112 ms at 50,000 ASN) instead of by range (4 ms). ANALYZE commits implicitly, so
   * it runs on its own, outside any transaction; SQLite plans without such statistics.
   */
  private async refreshStatistics(): Promise<void> {
    if (!isMysqlFamily(this.dataSource)) return;
    const tables = new Set(this.kinds.flatMap((k) => k.nodeSources.flatMap((s) => [s.from, s.table])));
    await this.dataSource.query(`ANALYZE TABLE ${[...tables].join(', ')}`);
  }

  /** Every node row again from the leaves, table by table as each kind sums them. */
  private async rebuildNodes(m: EntityManager): Promise<void> {
    for (const kind of this.kinds) {
      for (const source of kind.nodeSources) {
        const started = performance.now();
        await rebuildNodeTable(m, source);
        this.logger.log(`rebuilt ${source.table} in ${seconds(started)} s`);
      }
    }
  }

  private async progress(rebuildId: string | null, phase: string, done: number): Promise<void> {
    if (!rebuildId) return;
    await this.tx.run((m) => m.update(MonRebuild, { id: rebuildId }, { status: 'running', phase, done }));
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
