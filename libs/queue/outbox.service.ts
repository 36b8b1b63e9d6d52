import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { isMysqlFamily } from '../database/dialect';
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
    // Plain SQL: every submit and every job writes here, and the query builder's handling of
    // a multi-row insert cost more CPU than the statement (exam-burst profile).
    const meta = manager.connection.getMetadata(OutboxMessage);
    const at = (date: Date) =>
      manager.connection.driver.preparePersistentValue(date, meta.findColumnWithPropertyName('availableAt')!);
    const created = at(now);
    const params: unknown[] = [];
    for (const job of jobs) {
      params.push(
        newId(),
        name,
        `${name}:${job.jobId}`,
        JSON.stringify(job.payload),
        job.delayMs ? at(new Date(now.getTime() + job.delayMs)) : created,
        created,
      );
    }
    const ignore = isMysqlFamily(manager.connection) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    await manager.query(
      `${ignore} INTO outbox_message (id, job_name, job_id, payload, status, available_at, attempts, created_at) VALUES ` +
        jobs.map(() => "(?, ?, ?, ?, 'pending', ?, 0, ?)").join(', '),
      params,
    );
    // Wake the relay once the rows are visible to it; the relay's poll is the safety net.
    this.tx.afterCommit(() => this.signal.soon());
  }
}
