import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { Clock } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { JobContext, JobHandler, JobPayloads, JobProcessor, OutboxMessage } from '../../libs/queue';
import { RateLimiterService } from '../../libs/rate-limit';

/** Drops delivered outbox rows and stale rate-limit buckets; failed rows stay for inspection. */
@Injectable()
@JobHandler('platform.housekeeping')
export class HousekeepingJob implements JobProcessor<'platform.housekeeping'> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly limiter: RateLimiterService,
    private readonly clock: Clock,
  ) {}

  async handle({ olderThanHours }: JobPayloads['platform.housekeeping'], _context?: JobContext): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - olderThanHours * 3600_000);
    await this.tx.run((m) => m.delete(OutboxMessage, { status: In(['sent', 'done']), finishedAt: LessThan(cutoff) }));
    await this.limiter.purgeOlderThan(cutoff);
  }
}
