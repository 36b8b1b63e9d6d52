import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../../../libs/common';
import { OutboxService } from '../../../../libs/queue';
import { LeafKeys, LeafName } from './leaf-kinds';
import { canonicalKey } from './leaf-refresher';

const KEYS_PER_JOB = 200;

/**
 * Queues leaf refreshes inside the producer's transaction (the triggers call this from the
 * source modules' in-transaction listeners). Keys are deduplicated per call; each job gets a
 * fresh id, because a job already running may have read the sources before this change.
 */
@Injectable()
export class MonitoringSignals {
  constructor(private readonly outbox: OutboxService) {}

  async refresh<N extends LeafName>(m: EntityManager, leaf: N, keys: Array<LeafKeys[N]>): Promise<void> {
    const unique = [...new Map(keys.map((k) => [canonicalKey(k), k])).values()];
    const jobs = [];
    for (let i = 0; i < unique.length; i += KEYS_PER_JOB) {
      const slice = unique.slice(i, i + KEYS_PER_JOB);
      jobs.push({ payload: { leaf, keys: slice } as never, jobId: `${leaf}:${newId()}` });
    }
    await this.outbox.enqueueMany(m, 'monitoring.refresh', jobs);
  }
}
