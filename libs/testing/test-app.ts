import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppOptions, createHttpApp } from '../../src/bootstrap';
import { Clock } from '../common/clock';
import { AppConfig } from '../config';
import { TransactionRunner } from '../database/transaction-runner';
import { JOB_TRANSPORT, JobTransport, OutboxMessage, OutboxRelay } from '../queue';
import { prepareTestEnvironment, TestEnvironment } from './test-environment';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** supertest against the running server */
  http(): ReturnType<typeof request>;
  /** Relays the outbox and waits until every job it held has run. */
  drain(timeoutMs?: number): Promise<void>;
  /** Signs in through the API; returns the bearer header value. */
  bearer(username: string, password: string): Promise<string>;
  get<T>(token: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** The whole application, as `npm start` builds it, on a fresh database of its own. */
export async function createTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const environment: TestEnvironment = await prepareTestEnvironment(env);
  const app = await createHttpApp(environment.config, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server = app.getHttpServer();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const relay = app.get(OutboxRelay);
  const transport = app.get<JobTransport>(JOB_TRANSPORT);

  const testApp: TestApp = {
    app,
    config: environment.config,
    dataSource,
    http: () => request(server),
    async drain(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      // Quiet three passes in a row: the background relay may hand a row to Redis (and mark it
      // sent) between one pass's queue check and its row count, which a single pass misses.
      let quietPasses = 0;
      for (;;) {
        await relay.relayDue();
        // Idle first, then no pending rows: a job still running when the rows were counted
        // could write a new row afterwards and finish before the idle check.
        const idle = await transport.idle();
        const open = await dataSource
          .getRepository(OutboxMessage)
          .createQueryBuilder('m')
          .where('m.status = :s', { s: 'pending' })
          // The app's clock: a test that moved time forward sees the jobs now due.
          .andWhere('m.available_at <= :now', { now: app.get(Clock).now() })
          .getCount();
        quietPasses = idle && open === 0 ? quietPasses + 1 : 0;
        if (quietPasses >= 3) {
          if ((await dueAgainJobsQueuedInTheClocksFuture(app.get(TransactionRunner), app.get(Clock).now())) === 0)
            return;
          quietPasses = 0;
        }
        if (Date.now() > deadline) throw new Error(`Queue not drained after ${timeoutMs} ms (${open} rows pending)`);
        await new Promise((r) => setTimeout(r, quietPasses > 0 ? 15 : 50));
      }
    },
    async bearer(username, password) {
      const res = await request(server).post('/api/auth/login').send({ username, password });
      if (res.status !== 200)
        throw new Error(`Sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.accessToken}`;
    },
    get: (token) => app.get(token),
    async close() {
      await app.close();
      await environment.cleanup();
    },
  };
  return testApp;
}

/**
 * A test that moves the clock back before its jobs are relayed leaves their rows written
 * "later" than now: due when written, they would wait until the clock passed them again, so
 * the jobs never ran and what they do was missing at random (whether the background relay got
 * there first). A drain makes such rows due now and runs them. Rows queued with a delay keep
 * it: they are due when their time comes. Returns how many rows it made due.
 */
async function dueAgainJobsQueuedInTheClocksFuture(tx: TransactionRunner, now: Date): Promise<number> {
  const result = await tx.run((m) =>
    m
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ availableAt: now })
      .where('status = :s', { s: 'pending' })
      .andWhere('created_at > :now', { now })
      .andWhere('available_at <= created_at')
      .execute(),
  );
  return result.affected ?? 0;
}
