import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { newId } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { OutboxService, QUEUE_CONCURRENCY } from '../../../libs/queue';
import { bullPrefix, deleteQueueKeys } from '../../../libs/queue/redis-connection';
import { Certificate } from '../../../src/modules/certification/entities';
import { Enrolment } from '../../../src/modules/learning/entities';
import type { Measurement } from '../load';
import type { Figure, Scenario } from '../scenario';
import { seedCourses, seedLearners } from '../seed/learning-data';

const DEFAULT_CERTIFICATES = 300;
const SCRATCH = 'bench_noop_job';
const log = (line: string) => console.log(`bench: certificate-issuance ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function measurement(rate: number, ok: number, seconds: number, connections: number): Measurement {
  return {
    rps: rate,
    ok,
    failed: 0,
    latencyP50Ms: 0,
    latencyP99Ms: 0,
    durationSec: Number(seconds.toFixed(3)),
    connections,
    statusCodes: {},
  };
}

/**
 * The bare no-op job rate with as many jobs at once as the app's certification queue runs:
 * on Redis a bare BullMQ Worker with an empty processor; embedded, the in-process outbox's
 * own cost per job (claim the row, run nothing, mark it done) in as many lanes.
 */
async function bareNoopRate(
  db: DataSource,
  tx: TransactionRunner,
  redis: { url: string; prefix: string } | null,
  n: number,
) {
  const concurrency = QUEUE_CONCURRENCY.certification;
  if (redis) {
    const prefix = `${redis.prefix}-noop-baseline`;
    const connection = new IORedis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('noop', { connection, prefix: bullPrefix(prefix) });
    await queue.addBulk(
      Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { i }, opts: { jobId: `noop-${i}` } })),
    );
    let done = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const worker = new Worker('noop', async () => undefined, {
      connection,
      prefix: bullPrefix(prefix),
      concurrency,
      autorun: false,
    });
    worker.on('completed', () => ++done >= n && finish());
    await worker.waitUntilReady();
    const started = performance.now();
    void worker.run();
    await finished;
    const seconds = (performance.now() - started) / 1000;
    await worker.close();
    await queue.close();
    connection.disconnect();
    await deleteQueueKeys(redis.url, prefix);
    return { label: `bare BullMQ Worker, empty processor, concurrency ${concurrency}`, rate: n / seconds, seconds };
  }
  await db.query(`DROP TABLE IF EXISTS ${SCRATCH}`);
  await db.query(`CREATE TABLE ${SCRATCH} (id varchar(36) PRIMARY KEY, status varchar(10) NOT NULL)`);
  const ids = Array.from({ length: n }, () => newId());
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.query(`INSERT INTO ${SCRATCH} (id, status) VALUES ${chunk.map(() => "(?, 'pending')").join(', ')}`, chunk);
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        await tx.run((m) =>
          m.query(`UPDATE ${SCRATCH} SET status = 'running' WHERE id = ? AND status = 'pending'`, [id]),
        );
        await tx.run((m) => m.query(`UPDATE ${SCRATCH} SET status = 'done' WHERE id = ?`, [id]));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE ${SCRATCH}`);
  return {
    label: `in-process outbox loop (claim, no-op, mark done), ${concurrency} lanes`,
    rate: n / seconds,
    seconds,
  };
}

/**
 * Certificates issued per second through the real path (outbox row → queue → job: gather
 * facts, serial number, sign the credential, render the PDF, store it, insert the row),
 * beside the bare no-op job rate of the same queue technology, in the same run.
 */
export const certificateIssuance: Scenario = {
  name: 'certificate-issuance',
  description: 'certification.issue jobs (PDF + Ed25519 credential) per second against bare no-op jobs',
  async run(ctx) {
    const { app, config } = ctx.bina;
    const n = Number(process.env.BENCH_CERTIFICATES ?? DEFAULT_CERTIFICATES);
    const db = app.get<DataSource>(getDataSourceToken());
    const tx = app.get(TransactionRunner);
    const outbox = app.get(OutboxService);
    const catalogue = await seedCourses(db, 20, 'bench-certificates');
    const learners = await seedLearners(db, n, '91');
    const now = new Date();
    const enrolments: Enrolment[] = learners.map((userId, i) => ({
      id: newId(),
      userId,
      courseId: catalogue.courseIds[i % catalogue.courseIds.length],
      versionId: catalogue.versionIds[i % catalogue.versionIds.length],
      regionCode: '36.74',
      unitId: null,
      status: 'completed',
      source: 'self',
      assignmentId: null,
      deadline: null,
      lastLessonId: null,
      enrolledAt: now,
      completedAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < enrolments.length; i += 500) {
      await db.getRepository(Enrolment).insert(enrolments.slice(i, i + 500));
    }
    log(`seeded ${n} completed enrolments`);

    const bare = await bareNoopRate(db, tx, config.redis, Math.max(n * 10, 2000));
    log(`baseline (${bare.label}): ${Math.round(bare.rate)} jobs/s`);

    const started = performance.now();
    await tx.run((m) =>
      outbox.enqueueMany(
        m,
        'certification.issue',
        enrolments.map((e) => ({ payload: { enrolmentId: e.id }, jobId: e.id })),
      ),
    );
    const deadline = Date.now() + 30 * 60_000;
    let issued = 0;
    while (issued < n) {
      if (Date.now() > deadline) throw new Error(`only ${issued} of ${n} certificates after 30 minutes`);
      await sleep(100);
      issued = await db
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .where('c.version_id IN (:...versions)', { versions: catalogue.versionIds })
        .getCount();
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = n / seconds;
    log(`issued ${n} certificates in ${seconds.toFixed(1)} s: ${rate.toFixed(1)}/s`);
    const figures: Figure[] = [
      {
        metric: `certificates issued (PDF + signed credential), ${QUEUE_CONCURRENCY.certification} at once, vs ${bare.label}`,
        unit: 'jobs/s',
        value: rate,
        baseline: bare.rate,
        measurement: measurement(rate, n, seconds, QUEUE_CONCURRENCY.certification),
      },
    ];
    return figures;
  },
};
