import { Inject, Injectable } from '@nestjs/common';
import { Clock, wibDay } from '../../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../../libs/config';
import { TransactionRunner } from '../../../../../libs/database';
import { DailyJobScheduler, OutboxService } from '../../../../../libs/queue';

/** Enqueues each WIB day's plan calendar run (start approved plans, close past years). */
@Injectable()
export class PlanCalendarScheduler extends DailyJobScheduler {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  enqueueToday(): Promise<void> {
    // The WIB date: plans close the day after 31 December in Indonesia, not in UTC.
    const day = wibDay(this.clock.now());
    return this.tx.run((m) => this.outbox.enqueue(m, 'development-plans.plan-calendar', { day }, { jobId: day }));
  }
}
