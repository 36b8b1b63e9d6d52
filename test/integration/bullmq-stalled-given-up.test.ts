import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { PermanentJobError } from '../../libs/queue';
import { DEFAULT_JOB_OPTIONS } from '../../libs/queue/bullmq.transport';
import { BullMqWorkers, STALLS } from '../../libs/queue/bullmq.workers';
import { registryOf } from '../../libs/queue/job-registry.testing';
import { bullPrefix, deleteQueueKeys, redisConnection } from '../../libs/queue/redis-connection';
import { until, usesRedis } from '../../libs/testing';

const URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A job whose workers die holding it more than maxStalledCount times is failed by BullMQ
 * itself, its handler never run: the handler's givenUp is still told, once, so that (say) an
 * attempt does not stay "being graded" for ever. Real stalls on Redis: the dead workers hold
 * short locks and the stall checks run every 200 ms, so that it takes seconds, not minutes.
 */
(usesRedis() ? describe : describe.skip)('a job BullMQ gives up without its handler (stalled too often)', () => {
  const prefix = `bina-test-${randomBytes(5).toString('hex')}`;
  const connections = [redisConnection(URL, 'worker'), redisConnection(URL, 'worker'), redisConnection(URL, 'worker')];
  const [queueConnection, deadConnection, checkerConnection] = connections;
  const queue = new Queue('assessment', { connection: queueConnection, prefix: bullPrefix(prefix) });
  let workers: BullMqWorkers | null = null;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await workers?.stop();
    workers = null;
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await queue.close();
    for (const c of connections) c.disconnect();
    await deleteQueueKeys(URL, prefix);
  });

  const grading = (handle: () => Promise<void>) => {
    const givenUp = jest.fn(async () => undefined);
    const handler = { handle: jest.fn(handle), givenUp };
    const registry = registryOf('assessment.grade-attempt', handler);
    return { handler, givenUp, start: () => (workers = new BullMqWorkers(registry, URL, prefix)).start() };
  };
  const add = (jobId: string) =>
    queue.add('assessment.grade-attempt', { attemptId: `attempt-${jobId}` }, { ...DEFAULT_JOB_OPTIONS, jobId });
  const state = async (jobId: string) => (await Job.fromId(queue, jobId))?.getState();

  it('tells the handler once when its workers died holding it too often', async () => {
    await add('stalls');
    // Workers that take the job and die: their locks run out and nobody renews them.
    const dead = new Worker('assessment', null, {
      connection: deadConnection,
      prefix: bullPrefix(prefix),
      lockDuration: 300,
    });
    // Another live worker's stall checks, with the production limit.
    const checker = new Worker('assessment', null, {
      connection: checkerConnection,
      prefix: bullPrefix(prefix),
      autorun: false,
      stalledInterval: 200,
      maxStalledCount: STALLS.maxStalledCount,
    });
    try {
      await checker.startStalledCheckTimer();
      for (let death = 1; death <= STALLS.maxStalledCount + 1; death++) {
        const taken = await dead.getNextJob(`dead-${death}`);
        expect(taken?.id).toBe('stalls');
        await until(async () => (await state('stalls')) === 'waiting', 10_000, `stall ${death} to be noticed`);
      }
    } finally {
      await checker.close();
      await dead.close();
    }

    const { handler, givenUp, start } = grading(async () => undefined);
    start();
    await until(async () => (await state('stalls')) === 'failed', 10_000, 'BullMQ to fail the job');
    await until(async () => givenUp.mock.calls.length > 0, 5_000, 'givenUp');
    expect(handler.handle).not.toHaveBeenCalled();
    expect(givenUp).toHaveBeenCalledTimes(1);
    expect(givenUp).toHaveBeenCalledWith(
      { attemptId: 'attempt-stalls' },
      expect.objectContaining({ name: 'JobAbandonedError', message: 'job stalled more than allowable limit' }),
      { jobId: 'stalls', attempt: 1 },
    );
  }, 60_000);

  it('tells the handler once, not again from the failed event, when the handler itself gave up', async () => {
    const { handler, givenUp, start } = grading(async () => Promise.reject(new PermanentJobError('unreadable')));
    start();
    await add('permanent');
    await until(async () => (await state('permanent')) === 'failed', 10_000, 'the job to fail');
    // The failed event is emitted after the job is failed: give its listener time to (not) act.
    await new Promise((r) => setTimeout(r, 300));
    expect(handler.handle).toHaveBeenCalledTimes(1);
    expect(givenUp).toHaveBeenCalledTimes(1);
    expect(givenUp).toHaveBeenCalledWith({ attemptId: 'attempt-permanent' }, expect.any(PermanentJobError), {
      jobId: 'permanent',
      attempt: 1,
    });
  }, 30_000);
});
