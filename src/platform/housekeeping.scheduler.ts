import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../libs/config';
import { Clock } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { OutboxService } from '../../libs/queue';

const HOUR = 3600_000;

/**
 * Enqueues housekeeping once a day. Every worker may try; the day in the jobId makes
 * the extra tries no-ops, so no leader election is needed.
 */
@Injectable()
export class HousekeepingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api' || this.config.env === 'test') return;
    const tick = () => void this.enqueueToday().catch(() => undefined);
    this.timer = setInterval(tick, HOUR);
    this.timer.unref();
    tick();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  enqueueToday(): Promise<void> {
    const day = this.clock.now().toISOString().slice(0, 10);
    return this.tx.run((m) => this.outbox.enqueue(m, 'platform.housekeeping', { olderThanHours: 48 }, { jobId: day }));
  }
}
