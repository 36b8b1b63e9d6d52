import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AttemptStore } from '../attempts/attempt-store';

/** The server's timer: an attempt still open after its deadline (and the network grace) is closed and graded. */
@Injectable()
@JobHandler('assessment.attempt-expire')
export class AttemptExpireJob implements JobProcessor<'assessment.attempt-expire'> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly store: AttemptStore,
  ) {}

  async handle(payload: JobPayloads['assessment.attempt-expire']): Promise<void> {
    await this.tx.run((m) => this.store.close(m, payload.attemptId, 'timer'));
  }
}
