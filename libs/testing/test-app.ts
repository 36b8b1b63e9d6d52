import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppOptions, createHttpApp } from '../../src/bootstrap';
import { Clock } from '../common/clock';
import { AppConfig } from '../config';
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
        if (quietPasses >= 3) return refuseRowsFromTheClocksFuture(dataSource, app.get(Clock).now());
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
 * "later" than now, so they wait until the clock passes them again: the jobs never run, and
 * what they would have done is missing at random (it depends on whether the background relay
 * got there first). Drained with such rows pending is an error that says so, every time.
 */
async function refuseRowsFromTheClocksFuture(dataSource: DataSource, now: Date): Promise<void> {
  const stranded = await dataSource
    .getRepository(OutboxMessage)
    .createQueryBuilder('m')
    .select(['m.jobName', 'm.createdAt'])
    .where('m.status = :s', { s: 'pending' })
    .andWhere('m.created_at > :now', { now })
    .getMany();
  if (stranded.length === 0) return;
  const names = [...new Set(stranded.map((m) => m.jobName))].join(', ');
  throw new Error(
    `${stranded.length} job(s) (${names}) were queued at a later time (the latest ` +
      `${new Date(Math.max(...stranded.map((m) => new Date(m.createdAt).getTime()))).toISOString()}) than the clock ` +
      `now says (${now.toISOString()}) and will not run: the test moved the clock back before they ran. ` +
      'Drain (t.drain()) before moving the clock back.',
  );
}
