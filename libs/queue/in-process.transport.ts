import { Injectable } from '@nestjs/common';
import { JobTransport } from './job-transport';
import { JobRegistry } from './job-registry';
import { JobName } from './jobs';
import { OutboxMessage } from './outbox-message.entity';

/** The embedded default: the same handler classes, run in this process. */
@Injectable()
export class InProcessTransport implements JobTransport {
  readonly kind = 'in-process' as const;
  private running = 0;

  constructor(private readonly registry: JobRegistry) {}

  async deliver(message: OutboxMessage): Promise<'done'> {
    this.running++;
    try {
      const payload = JSON.parse(message.payload) as never;
      await this.registry.run(message.jobName as JobName, payload, {
        jobId: message.jobId,
        attempt: message.attempts + 1,
      });
      return 'done';
    } finally {
      this.running--;
    }
  }

  async idle(): Promise<boolean> {
    return this.running === 0;
  }

  async close(): Promise<void> {}
}
