import { Body, Controller, HttpCode, Inject, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { newId } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { DEFAULT_JOB_OPTIONS } from '../../libs/queue/bullmq.transport';
import * as queueJobs from '../../libs/queue/jobs';
import { bullPrefix, deleteQueueKeys } from '../../libs/queue/redis-connection';
import type { RunningServer } from './baseline-app';
import { cpuMeter, CpuSpent, sumCpu } from './process-cpu';

// The two references of the exam-burst scenario, on the same database and the same job
// backend as the app in the run:
//  A. a bare Nest/Fastify endpoint that stores one row and enqueues one job per request;
//  B. a bare worker that does one read and one update per job.
// Both use scratch tables that the scenario creates and drops.

export const ROW_TABLE = 'bench_exam_row';
export const JOB_TABLE = 'bench_exam_job';
const QUEUE = 'exam-baseline';

/**
 * How many jobs baseline B runs at once: BENCH_EXAM_WORKER_CONCURRENCY, else what the app's
 * worker runs on the assessment queue (QUEUE_CONCURRENCY where the tree declares it; 4, the
 * BullMqWorkers default, where it does not), so that the app cannot beat the baseline by
 * concurrency alone.
 */
export function bareWorkerConcurrency(): number {
  const given = process.env.BENCH_EXAM_WORKER_CONCURRENCY;
  if (given && /^\d+$/.test(given) && Number(given) > 0) return Number(given);
  const declared = (queueJobs as { QUEUE_CONCURRENCY?: Record<string, number> }).QUEUE_CONCURRENCY;
  return declared?.assessment ?? 4;
}

export async function createScratchTables(db: DataSource): Promise<void> {
  await dropScratchTables(db);
  await db.query(`CREATE TABLE ${ROW_TABLE} (id varchar(36) PRIMARY KEY, body text NOT NULL, n int NOT NULL)`);
  await db.query(
    `CREATE TABLE ${JOB_TABLE} (id varchar(36) PRIMARY KEY, job_id varchar(200) NOT NULL UNIQUE, payload text NOT NULL, status varchar(10) NOT NULL)`,
  );
}

export async function dropScratchTables(db: DataSource): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${ROW_TABLE}`);
  await db.query(`DROP TABLE IF EXISTS ${JOB_TABLE}`);
}

/** Where baseline jobs go: a BullMQ queue under its own key prefix, or (embedded) the outbox-style table. */
export interface BaselineJobs {
  label: string;
  queue: Queue | null;
  redis: { url: string; prefix: string } | null;
  /** Removes the queue's Redis keys. */
  close(): Promise<void>;
}

export function baselineJobs(redis: { url: string; prefix: string } | null): BaselineJobs {
  if (!redis) {
    return {
      label: 'outbox-style job row in the same transaction (embedded: no Redis)',
      queue: null,
      redis: null,
      close: async () => {},
    };
  }
  const prefix = `${redis.prefix}-exam-baseline`;
  const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE, { connection, prefix: bullPrefix(prefix) });
  return {
    label: 'BullMQ Queue.add after the commit',
    queue,
    redis: { url: redis.url, prefix },
    async close() {
      await queue.close();
      connection.disconnect();
      await deleteQueueKeys(redis.url, prefix);
    },
  };
}

const DEPS = Symbol('EXAM_BASELINE_DEPS');

interface Deps {
  tx: TransactionRunner;
  queue: Queue | null;
}

@Controller()
class InsertEnqueueController {
  constructor(@Inject(DEPS) private readonly deps: Deps) {}

  @Post('submit/:id')
  @HttpCode(202)
  async submit(@Param('id') id: string, @Body() body: unknown) {
    const text = JSON.stringify(body ?? {});
    const { tx, queue } = this.deps;
    if (queue) {
      await tx.run((m) => m.query(`INSERT INTO ${ROW_TABLE} (id, body, n) VALUES (?, ?, 0)`, [id, text]));
      await queue.add('grade', { id }, { ...DEFAULT_JOB_OPTIONS, jobId: id });
    } else {
      await tx.run(async (m) => {
        await m.query(`INSERT INTO ${ROW_TABLE} (id, body, n) VALUES (?, ?, 0)`, [id, text]);
        await m.query(`INSERT INTO ${JOB_TABLE} (id, job_id, payload, status) VALUES (?, ?, ?, 'pending')`, [
          newId(),
          `grade:${id}`,
          JSON.stringify({ id }),
        ]);
      });
    }
    return { id, status: 'submitted' };
  }
}

/** Baseline A: POST /submit/:id stores one row and enqueues one job (transactions through the app's TransactionRunner). */
export async function startInsertEnqueueBaseline(tx: TransactionRunner, jobs: BaselineJobs): Promise<RunningServer> {
  @Module({
    controllers: [InsertEnqueueController],
    providers: [{ provide: DEPS, useValue: { tx, queue: jobs.queue } }],
  })
  class InsertEnqueueModule {}
  const app = await NestFactory.create<NestFastifyApplication>(InsertEnqueueModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
}

export interface WorkerRun {
  label: string;
  jobs: number;
  failed: number;
  seconds: number;
  /** Rows whose counter was bumped exactly once (each job done once). */
  doneOnce: number;
  /** CPU spent by this process, Redis and the database while the jobs ran. */
  cpu: CpuSpent;
}

const readAndUpdate = async (db: DataSource, id: string) => {
  const rows: Array<{ n: number }> = await db.query(`SELECT id, body, n FROM ${ROW_TABLE} WHERE id = ?`, [id]);
  await db.query(`UPDATE ${ROW_TABLE} SET n = ? WHERE id = ?`, [Number(rows[0].n) + 1, id]);
};

/**
 * Baseline B: `count` of the jobs baseline A enqueued (the next ones after `offset`, which
 * the scenario's earlier rounds did), each done with one read and one update, as many at
 * once as the app's worker runs (bareWorkerConcurrency). On Redis a bare BullMQ Worker on
 * the queue A filled, closed once `count` are done: the jobs it holds then still finish,
 * and are counted and timed; embedded, an in-process loop over the job rows (loaded up
 * front, like the jobs a worker is handed).
 */
export async function runBareWorker(db: DataSource, jobs: BaselineJobs, count: number, offset = 0): Promise<WorkerRun> {
  const concurrency = bareWorkerConcurrency();
  let seconds: number;
  let failed = 0;
  let done = 0;
  let label: string;
  let cpu: CpuSpent;
  if (jobs.redis) {
    label = `bare BullMQ Worker, concurrency ${concurrency}`;
    const connection = new IORedis(jobs.redis.url, { maxRetriesPerRequest: null });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const worker = new Worker<{ id: string }>(QUEUE, (job) => readAndUpdate(db, job.data.id), {
      connection,
      prefix: bullPrefix(jobs.redis.prefix),
      concurrency,
      autorun: false,
    });
    // Timed to the last job done, so that closing the worker is not in the figure.
    let lastDone = 0;
    const ended = () => {
      lastDone = performance.now();
      if (done + failed >= count) finish();
    };
    worker.on('completed', () => {
      done++;
      ended();
    });
    worker.on('failed', () => {
      failed++;
      ended();
    });
    await worker.waitUntilReady();
    const meter = cpuMeter();
    const started = performance.now();
    void worker.run();
    await finished;
    await worker.close();
    seconds = (lastDone - started) / 1000;
    cpu = meter.stop();
    connection.disconnect();
  } else {
    label = `in-process loop, ${concurrency} lanes (no Redis in the embedded default)`;
    const items: Array<{ payload: string }> = await db.query(`SELECT payload FROM ${JOB_TABLE} ORDER BY job_id`);
    const ids = items.slice(offset, offset + count).map((r) => (JSON.parse(r.payload) as { id: string }).id);
    let next = 0;
    const meter = cpuMeter();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          await readAndUpdate(db, id).then(
            () => done++,
            () => failed++,
          );
        }
      }),
    );
    seconds = (performance.now() - started) / 1000;
    cpu = meter.stop();
  }
  const once: Array<{ n: number | string }> = await db.query(`SELECT COUNT(*) AS n FROM ${ROW_TABLE} WHERE n = 1`);
  return { label, jobs: done + failed, failed, seconds, doneOnce: Number(once[0].n), cpu };
}

/** Rounds of baseline B as one run: their jobs, time and CPU added up. */
export function combineWorkerRuns(runs: WorkerRun[]): WorkerRun {
  return {
    label: runs[0].label,
    jobs: runs.reduce((sum, r) => sum + r.jobs, 0),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
    // Counted over the whole table: the last round's count covers every round.
    doneOnce: runs[runs.length - 1].doneOnce,
    cpu: sumCpu(runs.map((r) => r.cpu)),
  };
}
