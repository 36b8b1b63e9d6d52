import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { TransactionRunner } from '../../../../libs/database';
import { DailyJobScheduler, OutboxService } from '../../../../libs/queue';
import { wibDay } from '../domain/wib';

/**
 * Enqueues each WIB day's deadline scan soon after midnight WIB (the first hourly tick).
 * Urgent e-mails it causes wait for the end of each person's quiet hours; the rest join the digest.
 */
@Injectable()
export class DeadlineScheduler extends DailyJobScheduler {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  enqueueToday(): Promise<void> {
    const day = wibDay(this.clock.now());
    return this.tx.run((m) => this.outbox.enqueue(m, 'notifications.deadline-scan', { day }, { jobId: day }));
  }
}
