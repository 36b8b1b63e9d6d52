import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../libs/config';
import { Clock } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { DailyJobScheduler, OutboxService } from '../../libs/queue';

/** Enqueues housekeeping once a (UTC) day. */
@Injectable()
export class HousekeepingScheduler extends DailyJobScheduler {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  enqueueToday(): Promise<void> {
    const day = this.clock.now().toISOString().slice(0, 10);
    return this.tx.run((m) => this.outbox.enqueue(m, 'platform.housekeeping', { olderThanHours: 48 }, { jobId: day }));
  }
}
