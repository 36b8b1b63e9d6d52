import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config';

const HOUR = 3600_000;

/**
 * Puts a once-a-day job on the queue without a leader: every worker process tries every
 * hour (and once at start), and the subclass keys the job by the day, so the outbox ignores
 * every try after the first. API-only processes and tests do not tick; tests call
 * `enqueueToday()` themselves.
 */
export abstract class DailyJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  protected constructor(private readonly runtime: Pick<AppConfig, 'role' | 'env'>) {}

  /** Enqueues today's job (jobId: the day); a second call the same day changes nothing. */
  abstract enqueueToday(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.runtime.role === 'api' || this.runtime.env === 'test') return;
    const tick = () => void this.enqueueToday().catch(() => undefined);
    this.timer = setInterval(tick, HOUR);
    this.timer.unref();
    tick();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
