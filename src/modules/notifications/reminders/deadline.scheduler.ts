import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { wibDay } from '../domain/wib';

const HOUR = 3600_000;

/**
 * Enqueues each WIB day's deadline scan soon after midnight WIB (the first hourly tick).
 * Every worker may try; the day in the jobId makes the extra tries no-ops. Urgent e-mails
 * it causes wait for the end of each person's quiet hours; the rest join the digest.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
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
    const day = wibDay(this.clock.now());
    return this.tx.run((m) => this.outbox.enqueue(m, 'notifications.deadline-scan', { day }, { jobId: day }));
  }
}
