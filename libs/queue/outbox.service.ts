import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { TransactionRunner } from '../database/transaction-runner';
import { JobName, JobPayloads } from './jobs';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSignal } from './outbox-signal';

export interface EnqueueOptions {
  /** Deterministic id of this unit of work, e.g. `import:<id>`; duplicates are ignored. */
  jobId: string;
  delayMs?: number;
}

/** Writes jobs into the outbox inside the caller's transaction. Never touches Redis. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly clock: Clock,
    private readonly signal: OutboxSignal,
    private readonly tx: TransactionRunner,
  ) {}

  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions,
  ): Promise<void> {
    await this.enqueueMany(manager, name, [{ payload, ...options }]);
  }

  /** Many jobs of one kind in one statement (a batch handler's follow-ups); duplicates are ignored. */
  async enqueueMany<N extends JobName>(
    manager: EntityManager,
    name: N,
    jobs: Array<{ payload: JobPayloads[N] } & EnqueueOptions>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const now = this.clock.now();
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(
        jobs.map((job) => ({
          id: newId(),
          jobName: name,
          jobId: `${name}:${job.jobId}`,
          payload: JSON.stringify(job.payload),
          status: 'pending' as const,
          availableAt: new Date(now.getTime() + (job.delayMs ?? 0)),
          attempts: 0,
          createdAt: now,
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
    // Wake the relay once the rows are visible to it; the relay's poll is the safety net.
    this.tx.afterCommit(() => this.signal.soon());
  }
}
