import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AttemptStore } from '../attempts/attempt-store';
import { QuizAttempt } from '../entities';

/**
 * The server's timer: an attempt still open after its deadline (and the network grace) is
 * closed and graded. A timer whose deadline was moved later (the quiz's close extended)
 * finds the attempt not due yet and leaves it to the timer of the new deadline.
 */
@Injectable()
@JobHandler('assessment.attempt-expire')
export class AttemptExpireJob implements JobProcessor<'assessment.attempt-expire'> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly store: AttemptStore,
  ) {}

  async handle(payload: JobPayloads['assessment.attempt-expire']): Promise<void> {
    await this.tx.run(async (m) => {
      const attempt = await m.findOne(QuizAttempt, {
        select: { id: true, dueAt: true },
        where: { id: payload.attemptId },
      });
      if (!attempt || !this.store.expired(attempt)) return;
      await this.store.close(m, payload.attemptId, 'timer');
    });
  }
}
