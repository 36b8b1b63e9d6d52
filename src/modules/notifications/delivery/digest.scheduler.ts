import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { TransactionRunner } from '../../../../libs/database';
import { DailyJobScheduler, OutboxService } from '../../../../libs/queue';
import { startOfWibDay, wibDay } from '../domain/wib';

const HOUR = 3600_000;

/**
 * Enqueues each WIB day's digest run, due at DIGEST_HOUR_WIB. A worker that starts after
 * the hour runs the day's digest at once (quiet hours still hold).
 */
@Injectable()
export class DigestScheduler extends DailyJobScheduler {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  enqueueToday(): Promise<void> {
    const now = this.clock.now();
    const day = wibDay(now);
    const dueAt = startOfWibDay(day).getTime() + this.config.mail.digestHourWib * HOUR;
    return this.tx.run((m) =>
      this.outbox.enqueue(
        m,
        'notifications.digest-run',
        { day },
        { jobId: day, delayMs: Math.max(0, dueAt - now.getTime()) },
      ),
    );
  }
}
