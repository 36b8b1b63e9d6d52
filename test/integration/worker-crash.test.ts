import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { AuthUser } from '../../libs/auth';
import { OutboxMessage } from '../../libs/queue';
import { bullPrefix, redisConnection } from '../../libs/queue/redis-connection';
import {
  asUser,
  createTestApp,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  inAttempt,
  SAMPLE_RIGHT,
  TestApp,
  usesMysql,
  until,
  usesRedis,
  gradedEventsByAttempt,
} from '../../libs/testing';
import { AttemptsService } from '../../src/modules/assessment/attempts/attempts.service';
import { QuizAttempt } from '../../src/modules/assessment/entities';

const ROOT = join(__dirname, '../..');
const ATTEMPTS = 300;
/** Graded before the kill. */
const FIRST_GRADED = 20;

/**
 * Reliability (4): a worker process killed with SIGKILL while it grades. BullMQ's lock on
 * the jobs it held runs out, another worker takes them, and every attempt ends with exactly
 * one grade. Needs real processes, MySQL/MariaDB and Redis, so it runs in `npm run test:mysql`.
 */
(usesRedis() && usesMysql() ? describe : describe.skip)('a grading worker killed mid-job (BullMQ on Redis)', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // The worker runs the built app, as in production.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    // This process serves the API and relays the outbox; it runs no jobs.
    t = await createTestApp({ APP_ROLE: 'api' });
  }, 180_000);
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await t?.close();
  });

  function startWorker(): ChildProcess {
    if (t.config.database.kind !== 'mysql' || !t.config.redis) throw new Error('needs MySQL and Redis');
    const child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        APP_ROLE: 'worker',
        DATABASE_URL: t.config.database.url,
        REDIS_URL: t.config.redis.url,
        QUEUE_PREFIX: t.config.redis.prefix,
        JWT_SECRET: 'worker-crash-test-secret-0123456789abcdef',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        DATA_DIR: t.config.dataDir,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  }

  const count = (status: QuizAttempt['status']) => t.dataSource.getRepository(QuizAttempt).countBy({ status });

  it('recovers the jobs of a SIGKILLed worker: every attempt ends with exactly one grade', async () => {
    await givenRegions(t);
    const unitId = (await givenUnit(t, '75.71')).id;
    const instructor = await givenUser(t, { role: 'instructor', unitId });
    const learner = await givenUser(t, { unitId });
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0 });
    await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    const me = { id: learner.user.id, role: 'learner' } as AuthUser;
    const attempts = t.get(AttemptsService);
    const submitSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const started = await attempts.start(me, course.quizId);
        await attempts.submit(me, started.id, inAttempt(started, SAMPLE_RIGHT));
      }
      // Grading rows only: the worker's relay may hold a lease on a row of the grades' fan-out
      // when it is frozen, which then stays pending until the lease runs out.
      const waiting = { status: 'pending' as const, jobName: 'assessment.grade-attempt' };
      await until(
        async () => (await t.dataSource.getRepository(OutboxMessage).countBy(waiting)) === 0,
        30_000,
        'the relay',
        100,
      );
    };

    const probe = redisConnection(t.config.redis!.url, 'probe');
    const queue = new Queue('assessment', {
      connection: probe,
      prefix: bullPrefix(t.config.redis!.prefix),
    });
    // Holds the rows of the attempts submitted second, so that the worker is caught with their
    // jobs in hand: it would grade them in a blink, far faster than a poll could see.
    const rowLocks = t.dataSource.createQueryRunner();
    try {
      const first = startWorker();
      await submitSome(FIRST_GRADED);
      await until(async () => (await count('graded')) === FIRST_GRADED, 60_000, 'the first worker to grade', 100);

      // Frozen meanwhile: neither it nor its relay takes the rest before their rows are held.
      first.kill('SIGSTOP');
      await submitSome(ATTEMPTS - FIRST_GRADED);
      await rowLocks.startTransaction();
      await rowLocks.query('SELECT id FROM quiz_attempt WHERE status = ? FOR UPDATE', ['submitted']);
      first.kill('SIGCONT');
      await until(
        async () => (await queue.getJobCounts('active')).active > 0,
        60_000,
        'the first worker to be busy grading',
        100,
      );
      // Killed while it holds jobs: some graded, the rest in its hands or still waiting.
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      await rowLocks.rollbackTransaction();
      const gradedAtKill = await count('graded');
      expect(gradedAtKill).toBe(FIRST_GRADED);

      startWorker();
      // The dead worker's locks run out (lockDuration 30 s) and its jobs are taken again.
      await until(async () => (await count('graded')) === ATTEMPTS, 120_000, 'every attempt to be graded', 100);
    } finally {
      if (rowLocks.isTransactionActive) await rowLocks.rollbackTransaction();
      await rowLocks.release();
      await queue.close();
      probe.disconnect();
    }

    const rows = await t.dataSource.getRepository(QuizAttempt).findBy({ quizId: course.quizId });
    expect(rows).toHaveLength(ATTEMPTS);
    expect(rows.every((a) => a.status === 'graded' && a.gradeVersion === 1 && a.scoreHundredths === 300)).toBe(true);
    // One graded event for each attempt (an event carries the attempts graded together).
    const events = await gradedEventsByAttempt(t.dataSource);
    expect(rows.filter((a) => events.get(a.id)?.length !== 1)).toEqual([]);
    expect(events.size).toBe(ATTEMPTS);
  }, 240_000);
});
