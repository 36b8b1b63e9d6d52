import { Logger } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { ForegroundFirst } from './foreground-first';
import { JobRegistry } from './job-registry';
import { FOREGROUND_JOB, JobName, JOB_QUEUE, PermanentJobError, QUEUE_CONCURRENCY, QUEUES } from './jobs';
import { bullPrefix, redisConnection } from './redis-connection';

/** The worker role on Redis: one BullMQ worker per queue, each job handed to its one handler. */
export class BullMqWorkers {
  private readonly logger = new Logger(BullMqWorkers.name);
  private workers: Worker[] = [];
  private connections: IORedis[] = [];
  private readonly foregroundFirst = new ForegroundFirst();

  constructor(
    private readonly registry: JobRegistry,
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  start(): void {
    this.workers = QUEUES.map((queue) => {
      const connection = redisConnection(this.url, 'worker');
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job) => {
          const run = () =>
            this.registry.run(job.name as JobName, job.data as never, {
              jobId: job.id ?? job.name,
              attempt: job.attemptsMade + 1,
            });
          try {
            if (job.name === FOREGROUND_JOB) await this.foregroundFirst.foreground(run);
            else if (queue === JOB_QUEUE[FOREGROUND_JOB]) await run();
            else await this.foregroundFirst.background(run);
          } catch (err) {
            // BullMQ's way of saying "do not retry".
            if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
            throw err;
          }
        },
        {
          connection,
          prefix: bullPrefix(this.prefix),
          concurrency: QUEUE_CONCURRENCY[queue],
          // A worker killed mid-job has its job picked up again after this long.
          lockDuration: 30_000,
          stalledInterval: 15_000,
          maxStalledCount: 3,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, `Job ${job?.name} failed`),
      );
      worker.on('error', (err) => this.logger.warn({ err }, `Worker ${queue} error`));
      return worker;
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    // BullMQ leaves connections it was given open; they are ours to close.
    for (const connection of this.connections) connection.disconnect();
    this.workers = [];
    this.connections = [];
  }
}
