import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { BacklogAwareWorker } from '../../libs/queue/backlog-aware-worker';
import { DEFAULT_JOB_OPTIONS } from '../../libs/queue/bullmq.transport';
import { BullMqWorkers } from '../../libs/queue/bullmq.workers';
import type { JobRegistry } from '../../libs/queue/job-registry';
import { bullPrefix, deleteQueueKeys, redisConnection } from '../../libs/queue/redis-connection';
import { until, usesRedis } from '../../libs/testing';

const URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * At the end of an exam the grading worker wakes to hundreds of waiting grades and takes them
 * one round trip at a time until its lanes are full, running none meanwhile: the fan-out of
 * earlier grades must not slip in then and run through the grading.
 */
(usesRedis() ? describe : describe.skip)('grading first on Redis, while grades wait to be taken', () => {
  const prefix = `bina-test-${randomBytes(5).toString('hex')}`;
  const connection = redisConnection(URL, 'worker');
  const assessment = new Queue('assessment', { connection, prefix: bullPrefix(prefix) });
  const notifications = new Queue('notifications', { connection, prefix: bullPrefix(prefix) });

  afterAll(async () => {
    await assessment.close();
    await notifications.close();
    connection.disconnect();
    await deleteQueueKeys(URL, prefix);
  });

  const grades = (count: number, from = 0) =>
    assessment.addBulk(
      Array.from({ length: count }, (_, i) => ({
        name: 'assessment.grade-attempt',
        data: { attemptId: `attempt-${from + i}` },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: `grade-${from + i}` },
      })),
    );

  it('knows its queue has jobs waiting from a fetch that found one until one finds it empty', async () => {
    const own = redisConnection(URL, 'worker');
    const worker = new BacklogAwareWorker('assessment', null, {
      connection: own,
      prefix: bullPrefix(prefix),
      autorun: false,
    });
    try {
      await grades(2, 1000);
      expect(worker.hasJobsWaiting).toBe(false);
      expect(await worker.getNextJob('t1', { block: false })).toBeDefined();
      expect(worker.hasJobsWaiting).toBe(true);
      expect(await worker.getNextJob('t2', { block: false })).toBeDefined();
      expect(worker.hasJobsWaiting).toBe(true);
      expect(await worker.getNextJob('t3', { block: false })).toBeUndefined();
      expect(worker.hasJobsWaiting).toBe(false);
    } finally {
      await worker.close();
      own.disconnect();
      await assessment.obliterate({ force: true });
    }
  });

  it('starts a fan-out job after the last waiting grade has started, though none ran when it came', async () => {
    const started: Array<{ name: string; at: number }> = [];
    const registry = {
      run: async (name: string) => {
        started.push({ name, at: performance.now() });
        if (name === 'assessment.grade-attempt') await new Promise((r) => setTimeout(r, 2));
      },
      givenUp: async () => undefined,
    } as unknown as JobRegistry;
    await assessment.pause();
    await grades(300);
    const workers = new BullMqWorkers(registry, URL, prefix);
    workers.start();
    try {
      await assessment.resume();
      // The grading worker has taken its first grade: the moment the fan-out must not use.
      await until(async () => (await assessment.getActiveCount()) > 0, 5_000, 'a grade to be taken', 1);
      await notifications.add('notifications.deliver', { notificationId: 'n-1' }, DEFAULT_JOB_OPTIONS);
      await until(async () => started.some((s) => s.name === 'notifications.deliver'), 15_000, 'the delivery', 1);
      const gradeStarts = started.filter((s) => s.name === 'assessment.grade-attempt');
      const delivery = started.find((s) => s.name === 'notifications.deliver')!;
      expect(gradeStarts).toHaveLength(300);
      expect(delivery.at).toBeGreaterThan(Math.max(...gradeStarts.map((s) => s.at)));
      // Held for the grading, not for the ten seconds a background job waits at most.
      expect(delivery.at - gradeStarts[0].at).toBeLessThan(5_000);
    } finally {
      await workers.stop();
    }
  }, 30_000);
});
