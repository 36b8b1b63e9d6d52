import { Inject, Injectable } from '@nestjs/common';
import { Clock, wibDay } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { TransactionRunner } from '../../../../libs/database';
import { DailyJobScheduler, OutboxService } from '../../../../libs/queue';

/** Enqueues each WIB day's monitoring run (new JP year, expired exports) once, keyed by the day. */
@Injectable()
export class MonitoringDailyScheduler extends DailyJobScheduler {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  enqueueToday(): Promise<void> {
    // The WIB date: the JP year turns at midnight in Jakarta, not in UTC.
    const day = wibDay(this.clock.now());
    return this.tx.run((m) => this.outbox.enqueue(m, 'monitoring.daily', { day }, { jobId: `monitoring:${day}` }));
  }
}
