import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { failUnfinishedRun } from '../../../../../libs/queue';
import { IdentityApi } from '../../../identity/identity.api';
import { NeedsRun } from '../entities';
import { personGaps } from '../gap.service';
import { GapInputsLoader } from './gap-inputs.loader';
import { GapRowsWriter } from './gap-rows.writer';

/** People per batch: each batch is a fixed number of reads and one transaction of writes. */
export const NEEDS_BATCH_SIZE = 500;

/**
 * Walks a run's population in id order, a batch at a time. Each batch's gap rows and the
 * run's cursor commit together, so a retry resumes after the last committed batch and a
 * finished run is left alone.
 */
@Injectable()
export class NeedsRunner {
  private readonly logger = new Logger(NeedsRunner.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityApi,
    private readonly loader: GapInputsLoader,
    private readonly writer: GapRowsWriter,
    private readonly clock: Clock,
  ) {}

  async run(runId: string, batchSize = NEEDS_BATCH_SIZE): Promise<void> {
    let run = await this.tx.run((m) => m.findOneBy(NeedsRun, { id: runId }));
    if (!run || run.status === 'done' || run.status === 'failed') return;
    if (run.status === 'queued') {
      const startedAt = this.clock.now();
      await this.tx.run((m) => m.update(NeedsRun, { id: runId }, { status: 'running', startedAt }));
    }
    const asOf = this.clock.now();
    const filter = { regionCode: run.regionCode, ...(run.unitId ? { unitId: run.unitId } : {}) };
    for (;;) {
      const people = await this.identity.peoplePage(filter, run.afterId, batchSize);
      const loaded = await this.loader.load(people, asOf);
      const last = people.length < batchSize;
      run = await this.tx.run(async (m) => {
        const written = await this.writer.replace(
          m,
          runId,
          loaded.map((l) => ({ gaps: personGaps(l), regionCode: l.person.regionCode, unitId: l.person.unitId })),
        );
        if (last) await this.writer.sweep(m, runId, run!.regionCode, run!.unitId);
        const next = {
          processed: run!.processed + people.length,
          gapRows: run!.gapRows + written,
          afterId: people.length ? people[people.length - 1].id : run!.afterId,
          ...(last ? { status: 'done' as const, finishedAt: this.clock.now() } : {}),
        };
        await m.update(NeedsRun, { id: runId }, next);
        return { ...run!, ...next };
      });
      if (last) break;
    }
    this.logger.log({ runId, processed: run.processed, gapRows: run.gapRows }, 'Needs analysis finished');
  }

  /**
   * Gives up on a run after repeated errors: the rows written so far stay; a new run redoes all.
   * Conditional on queued/running: a run done (or failed) meanwhile, say by a worker that
   * finished it before dying, is left as it is. Returns whether this call failed it.
   */
  async fail(runId: string, error: string): Promise<boolean> {
    return this.tx.run((m) =>
      failUnfinishedRun(m, NeedsRun, runId, { error: error.slice(0, 300), finishedAt: this.clock.now() }),
    );
  }
}
