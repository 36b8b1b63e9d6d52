import { Injectable } from '@nestjs/common';

/**
 * How long nudges are gathered before the relay runs. Under a burst (an exam ending)
 * every commit nudges; one relay pass per commit cost more queries than the submits
 * themselves. A few milliseconds of delay lets one pass carry many rows.
 */
const COALESCE_MS = 15;

/** Lets a writer nudge the relay without depending on it (the relay subscribes). */
@Injectable()
export class OutboxSignal {
  private listener: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  subscribe(listener: () => void): void {
    this.listener = listener;
  }

  soon(): void {
    if (!this.listener || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.listener?.();
    }, COALESCE_MS);
    this.timer.unref();
  }
}
