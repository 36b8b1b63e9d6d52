import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import type IORedis from 'ioredis';
import { BacklogAwareWorker } from './backlog-aware-worker';
import { FOREGROUND_FIRST_TIMING, ForegroundFirst } from './foreground-first';
import { JobRegistry } from './job-registry';
import { oneWritePerTurn } from './one-write-per-turn';
import {
  FOREGROUND_JOB,
  JobAbandonedError,
  JobName,
  JOB_QUEUE,
  PermanentJobError,
  QUEUE_CONCURRENCY,
  QUEUES,
} from './jobs';
import { bullPrefix, redisConnection } from './redis-connection';

/**
 * A worker killed mid-job has its job picked up again after lockDuration; a job whose workers
 * die holding it more than maxStalledCount times is failed by BullMQ, its handler not run.
 */
export const STALLS = { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 } as const;

/** The worker role on Redis: one BullMQ worker per queue, each job handed to its one handler. */
export class BullMqWorkers {
  private readonly logger = new Logger(BullMqWorkers.name);
  private workers: BacklogAwareWorker[] = [];
  private connections: IORedis[] = [];
  /** The worker of the foreground job's queue: while it has jobs waiting, the others' wait. */
  private foregroundWorker: BacklogAwareWorker | null = null;
  private readonly foregroundFirst = new ForegroundFirst({
    ...FOREGROUND_FIRST_TIMING,
    foregroundWaiting: () => this.foregroundWorker?.hasJobsWaiting ?? false,
  });
  /** Jobs handed to their handler here: the registry told the handler of a give-up already. */
  private readonly handled = new WeakSet<Job>();
  private readonly telling = new Set<Promise<void>>();

  constructor(
    private readonly registry: JobRegistry,
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  start(): void {
    this.workers = QUEUES.map((queue) => {
      const connection = redisConnection(this.url, 'worker');
      this.connections.push(connection);
      const endOfJob = oneWritePerTurn(connection);
      const worker = new BacklogAwareWorker(
        queue,
        async (job) => {
          this.handled.add(job);
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
          } finally {
            // BullMQ records the outcome (and fetches the next job) right after this returns.
            endOfJob();
          }
        },
        {
          connection,
          prefix: bullPrefix(this.prefix),
          concurrency: QUEUE_CONCURRENCY[queue],
          ...STALLS,
        },
      );
      worker.on('failed', (job, err) => {
        this.logger.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, `Job ${job?.name} failed`);
        if (job) this.failedWithoutHandler(job, err);
      });
      worker.on('error', (err) => this.logger.warn({ err }, `Worker ${queue} error`));
      if (queue === JOB_QUEUE[FOREGROUND_JOB]) this.foregroundWorker = worker;
      return worker;
    });
  }

  /**
   * A job BullMQ failed for good without its handler running here (it stalled more than
   * maxStalledCount times: its workers died holding it) is told to the handler's givenUp,
   * else what it was doing would wait for ever. A failure of the handler itself was told
   * by the registry on the last try; a retried one (no finishedOn) is not given up.
   */
  private failedWithoutHandler(job: Job, err: Error): void {
    if (this.handled.has(job) || !job.finishedOn) return;
    const told = this.registry
      .givenUp(job.name as JobName, job.data as never, new JobAbandonedError(err.message), {
        jobId: job.id ?? job.name,
        attempt: job.attemptsMade,
      })
      .finally(() => this.telling.delete(told));
    this.telling.add(told);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    // A give-up being recorded finishes while the database is still open.
    await Promise.all(this.telling);
    // BullMQ leaves connections it was given open; they are ours to close.
    for (const connection of this.connections) connection.disconnect();
    this.workers = [];
    this.connections = [];
    this.foregroundWorker = null;
  }
}
