import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { MonRebuild } from '../entities';
import { RollupRebuilder } from '../rollups/rollup-rebuilder';

@Injectable()
@JobHandler('monitoring.rebuild')
export class RebuildJob implements JobProcessor<'monitoring.rebuild'> {
  constructor(
    private readonly rebuilder: RollupRebuilder,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async handle({ rebuildId }: JobPayloads['monitoring.rebuild']): Promise<void> {
    const run = await this.tx.run((m) => m.findOneBy(MonRebuild, { id: rebuildId }));
    if (!run || run.status === 'done') return;
    try {
      await this.rebuilder.run(rebuildId);
      await this.tx.run((m) =>
        m.update(MonRebuild, { id: rebuildId }, { status: 'done', phase: null, finishedAt: this.clock.now() }),
      );
    } catch (err) {
      await this.tx.run((m) =>
        m.update(MonRebuild, { id: rebuildId }, { status: 'failed', error: String(err).slice(0, 300) }),
      );
      throw err;
    }
  }
}
