import { Inject, Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { LeafRefresher } from '../rollups/leaf-refresher';
import { LEAF_KINDS, LeafKindMap } from '../rollups/leaf-kinds';
import { LeafKind } from '../rollups/leaf-kind';

/** Refreshes the named leaves in one transaction (a retry recomputes them all: nothing is counted twice). */
@Injectable()
@JobHandler('monitoring.refresh')
export class RefreshJob implements JobProcessor<'monitoring.refresh'> {
  constructor(
    private readonly refresher: LeafRefresher,
    @Inject(LEAF_KINDS) private readonly kinds: LeafKindMap,
  ) {}

  async handle(payload: JobPayloads['monitoring.refresh']): Promise<void> {
    const kind = this.kinds[payload.leaf] as LeafKind<unknown, unknown>;
    await this.refresher.refreshMany(kind, payload.keys);
  }
}
