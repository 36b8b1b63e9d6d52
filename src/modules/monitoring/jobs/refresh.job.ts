import { Inject, Injectable } from '@nestjs/common';
import { MicroBatch } from '../../../../libs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { LeafKind } from '../rollups/leaf-kind';
import { LEAF_KINDS, LEAF_NAMES, LeafKindMap, LeafName } from '../rollups/leaf-kinds';
import { LeafRefresher } from '../rollups/leaf-refresher';

/** Jobs of one leaf kind arriving together share a transaction (group commit). */
const BATCH = { maxSize: 16, windowMs: 5 };

/**
 * Refreshes the named leaves. Jobs in flight at once are gathered per leaf kind and refreshed
 * in one transaction (a burst of completions costs one commit per batch, not per event); a
 * failed batch fails each of its jobs, whose retries recompute: nothing is counted twice.
 */
@Injectable()
@JobHandler('monitoring.refresh')
export class RefreshJob implements JobProcessor<'monitoring.refresh'> {
  private readonly batches: Record<LeafName, MicroBatch<unknown[]>>;

  constructor(
    private readonly refresher: LeafRefresher,
    @Inject(LEAF_KINDS) private readonly kinds: LeafKindMap,
  ) {
    this.batches = Object.fromEntries(
      LEAF_NAMES.map((name) => [
        name,
        new MicroBatch<unknown[]>(async (jobs) => {
          const kind = this.kinds[name] as LeafKind<unknown, unknown>;
          await this.refresher.refreshMany(kind, jobs.flat());
          return jobs.map(() => undefined);
        }, BATCH),
      ]),
    ) as Record<LeafName, MicroBatch<unknown[]>>;
  }

  handle(payload: JobPayloads['monitoring.refresh']): Promise<void> {
    return this.batches[payload.leaf].add(payload.keys);
  }
}
