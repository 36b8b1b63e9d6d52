import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { JobTransport } from './job-transport';
import { JOB_QUEUE, JobName, QUEUES, QueueName } from './jobs';
import { OutboxMessage } from './outbox-message.entity';
import { bullJobId, bullPrefix, redisConnection } from './redis-connection';

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are kept for a day so that a relayed-again row finds its jobId and adds nothing.
  removeOnComplete: { age: 24 * 3600, count: 50000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** Production transport: hands each claimed outbox row to BullMQ under its deterministic jobId. */
export class BullMqTransport implements JobTransport {
  readonly kind = 'bullmq' as const;
  private readonly connection: IORedis;
  private readonly queues: Map<QueueName, Queue>;

  constructor(url: string, prefix: string) {
    this.connection = redisConnection(url, 'producer');
    this.queues = new Map(
      QUEUES.map((name) => [name, new Queue(name, { connection: this.connection, prefix: bullPrefix(prefix) })]),
    );
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  async deliver(message: OutboxMessage): Promise<'sent'> {
    if (this.connection.status === 'wait' || this.connection.status === 'end') await this.connection.connect().catch(() => undefined);
    const queue = this.queue(JOB_QUEUE[message.jobName as JobName]);
    await queue.add(message.jobName, JSON.parse(message.payload), {
      ...DEFAULT_JOB_OPTIONS,
      jobId: bullJobId(message.jobId),
    });
    return 'sent';
  }

  async idle(): Promise<boolean> {
    for (const queue of this.queues.values()) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
    }
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
