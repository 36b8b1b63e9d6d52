import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { JobTransport } from './job-transport';
import { JOB_MAX_ATTEMPTS, JOB_QUEUE, JobName, QUEUES, QueueName } from './jobs';
import { OutboxMessage } from './outbox-message.entity';
import { bullJobId, bullPrefix, redisConnection } from './redis-connection';

export const DEFAULT_JOB_OPTIONS = {
  attempts: JOB_MAX_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are kept for a day so that a relayed-again row finds its jobId and adds nothing.
  removeOnComplete: { age: 24 * 3600, count: 50000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

const DELIVERY_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Production transport: hands each claimed outbox row to BullMQ under its deterministic jobId. */
export class BullMqTransport implements JobTransport {
  readonly kind = 'bullmq' as const;
  private readonly connection: IORedis;
  private readonly queues: Map<QueueName, Queue>;
  private waiting: Promise<void> | null = null;

  constructor(url: string, prefix: string) {
    this.connection = redisConnection(url, 'producer');
    this.queues = new Map(
      QUEUES.map((name) => {
        const queue = new Queue(name, { connection: this.connection, prefix: bullPrefix(prefix) });
        // Connection trouble surfaces in deliver() (the relay keeps the row and retries).
        queue.on('error', () => undefined);
        return [name, queue];
      }),
    );
  }

  async deliver(message: OutboxMessage): Promise<'sent'> {
    await this.ensureConnected();
    const queue = this.queues.get(JOB_QUEUE[message.jobName as JobName])!;
    await withTimeout(
      queue.add(message.jobName, JSON.parse(message.payload), {
        ...DEFAULT_JOB_OPTIONS,
        jobId: bullJobId(message.jobId),
      }),
      DELIVERY_TIMEOUT_MS,
      'Redis did not take the job in time',
    );
    return 'sent';
  }

  undeliverable(message: OutboxMessage): string | null {
    if (!this.queues.has(JOB_QUEUE[message.jobName as JobName])) return `no queue takes the job ${message.jobName}`;
    try {
      JSON.parse(message.payload);
      return null;
    } catch {
      return 'the payload is not JSON';
    }
  }

  async deliverMany(messages: OutboxMessage[]): Promise<'sent'> {
    await this.ensureConnected();
    const byQueue = new Map<QueueName, OutboxMessage[]>();
    for (const m of messages) {
      const name = JOB_QUEUE[m.jobName as JobName];
      byQueue.set(name, [...(byQueue.get(name) ?? []), m]);
    }
    await withTimeout(
      Promise.all(
        [...byQueue].map(([name, batch]) =>
          this.queues.get(name)!.addBulk(
            batch.map((m) => ({
              name: m.jobName,
              data: JSON.parse(m.payload),
              opts: { ...DEFAULT_JOB_OPTIONS, jobId: bullJobId(m.jobId) },
            })),
          ),
        ),
      ),
      DELIVERY_TIMEOUT_MS,
      'Redis did not take the jobs in time',
    );
    return 'sent';
  }

  /** Fails fast while Redis is away, so the relay keeps the row and moves on. One wait serves a whole batch. */
  private ensureConnected(): Promise<void> {
    if (this.connection.status === 'ready') return Promise.resolve();
    if (this.connection.status === 'wait' || this.connection.status === 'end') {
      this.connection.connect().catch(() => undefined);
    }
    this.waiting ??= new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.connection.off('ready', onReady);
        reject(new Error('Redis is not reachable'));
      }, DELIVERY_TIMEOUT_MS);
      this.connection.once('ready', onReady);
    }).finally(() => {
      this.waiting = null;
    });
    return this.waiting;
  }

  async idle(): Promise<boolean> {
    for (const queue of this.queues.values()) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
    }
    return true;
  }

  async close(): Promise<void> {
    // A connection that never came up would keep BullMQ waiting (and retrying) on close.
    if (this.connection.status !== 'ready') this.connection.disconnect();
    const closing = Promise.all([...this.queues.values()].map((q) => q.close()));
    await withTimeout(closing, DELIVERY_TIMEOUT_MS, 'queues did not close').catch(() => undefined);
    this.connection.disconnect();
  }
}
