import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { startOfWibDay, wibDay } from '../domain/wib';

const HOUR = 3600_000;

/**
 * Enqueues each WIB day's digest run, due at DIGEST_HOUR_WIB. Every worker may try, every
 * hour; the day in the jobId makes the extra tries no-ops (no leader election). A worker
 * that starts after the hour runs the day's digest at once (quiet hours still hold).
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
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
