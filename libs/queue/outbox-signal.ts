import { Injectable } from '@nestjs/common';

/** Lets a writer nudge the relay without depending on it (the relay subscribes). */
@Injectable()
export class OutboxSignal {
  private listener: (() => void) | null = null;

  subscribe(listener: () => void): void {
    this.listener = listener;
  }

  soon(): void {
    const listener = this.listener;
    if (listener) setImmediate(listener);
  }
}
