import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../../libs/config';
import { TransactionRunner } from '../../../../../libs/database';
import { DailyJobScheduler, OutboxService } from '../../../../../libs/queue';
import { wibDay } from '../domain/follow-up-schedule';

/** Enqueues each WIB day's follow-up scan soon after midnight WIB (the first hourly tick). */
@Injectable()
export class FollowUpScheduler extends DailyJobScheduler {
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
    return this.tx.run((m) => this.outbox.enqueue(m, 'development-plans.follow-up-scan', { day }, { jobId: day }));
  }
}
