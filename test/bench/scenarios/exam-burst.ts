import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { newId } from '../../../libs/common';
import type { AppConfig } from '../../../libs/config';
import { TransactionRunner } from '../../../libs/database';
import {
  GradedAttempts,
  JobContext,
  JobName,
  JobPayloads,
  JobRegistry,
  OutboxMessage,
  OutboxRelay,
  QUEUES,
} from '../../../libs/queue';
import { bullPrefix } from '../../../libs/queue/redis-connection';
import { gradedAttemptsOf } from '../../../src/modules/assessment/attempts/graded-event';
import { QuizAttempt } from '../../../src/modules/assessment/entities';
import { AuthService } from '../../../src/modules/identity/auth/auth.service';
import type { User } from '../../../src/modules/identity/entities';
import { Enrolment } from '../../../src/modules/learning/entities';
import { burst, BurstRequest } from '../burst';
import { CpuProfileSummary, startCpuProfile } from '../cpu-profile';
import { pipelineIdle } from '../job-pipeline';
import { cpuMeter, CpuSpent, sumCpu } from '../process-cpu';
import {
  baselineJobs,
  combineWorkerRuns,
  createScratchTables,
  dropScratchTables,
  runBareWorker,
  startInsertEnqueueBaseline,
  WorkerRun,
} from '../exam-baselines';
import type { Measurement } from '../load';
import type { Figure, Scenario } from '../scenario';
import {
  buildExamQuiz,
  EXAM_PASS_PERCENT,
  EXAM_QUESTIONS,
  examResponses,
  shownOptionsOf,
  wrongAnswersOf,
} from '../seed/exam-data';
import { seedEnrolments, seedLearners } from '../seed/learning-data';

/** The size of the issue: 20,000 learners. CI runs a tenth of it unless BENCH_EXAM_LEARNERS says otherwise. */
export const EXAM_FULL_SIZE = 20_000;
const DEFAULT_LEARNERS = 2_000;
const SUBMITS_GOAL = 0.6;
const GRADING_GOAL = 1.0;

const positiveInt = (value: string | undefined, fallback: number) =>
  value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : fallback;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);
const log = (line: string) => console.log(`bench: exam-burst ${line}`);

/**
 * Grading held back during the burst (default), so that the submission figure is the API
 * alone and the grading figure the job runner alone, each next to its bare baseline; or
 * live (BENCH_EXAM_GRADING=live), as in production, where both share the machine.
 * Held: on Redis the app's `assessment` queue is paused (the relay still moves rows to
 * Redis); embedded, the outbox relay (which runs the jobs in-process) is stopped.
 * Between rounds of grading (`pauseAll`) every job of the app stops, the fan-out of the
 * grades too, and the jobs in hand finish: baseline B then has the machine to itself.
 */
interface GradingHold {
  /** Holds grading back; returns once the grading jobs in hand have finished. */
  hold(): Promise<void>;
  pauseAll(): Promise<void>;
  release(): Promise<void>;
  /** BullMQ counts of the app's assessment queue (null embedded). */
  counts(): Promise<Record<string, number> | null>;
  close(): Promise<void>;
}

function gradingHold(app: NestFastifyApplication, config: AppConfig): GradingHold {
  const relay = app.get(OutboxRelay);
  let relayStopped = false;
  if (config.redis) {
    const connection = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
    const queues = QUEUES.map((name) => new Queue(name, { connection, prefix: bullPrefix(config.redis!.prefix) }));
    const assessment = queues[QUEUES.indexOf('assessment')];
    const paused = new Set<Queue>();
    // Until the jobs in hand have finished (a paused queue hands out no more).
    const untilIdle = async (held: Queue[]) => {
      while ((await Promise.all(held.map((q) => q.getActiveCount()))).some((active) => active > 0)) await sleep(10);
    };
    const release = async () => {
      // Grading first, and the rest once its jobs run. Resumed together, the fan-out's
      // workers (about forty lanes) would take jobs in the moment before the first grading
      // job arrives, when the process is idle and ForegroundFirst lets them start, and run
      // them through the round: three rounds made three such moments that a continuous
      // exam's end does not have.
      if (paused.delete(assessment)) {
        await assessment.resume();
        const until = Date.now() + 2_000;
        while (
          Date.now() < until &&
          (await assessment.getActiveCount()) === 0 &&
          (await assessment.getWaitingCount()) > 0
        ) {
          await sleep(1);
        }
      }
      for (const queue of paused) await queue.resume();
      paused.clear();
      if (relayStopped) relay.start(config.outboxPollMs);
      relayStopped = false;
    };
    return {
      hold: async () => {
        await assessment.pause();
        paused.add(assessment);
        await untilIdle([assessment]);
      },
      pauseAll: async () => {
        for (const queue of queues) {
          await queue.pause();
          paused.add(queue);
        }
        await relay.stop();
        relayStopped = true;
        await untilIdle(queues);
      },
      release,
      counts: () => assessment.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed'),
      close: async () => {
        await release();
        await Promise.all(queues.map((q) => q.close()));
        connection.disconnect();
      },
    };
  }
  const stop = async () => {
    await relay.stop();
    relayStopped = true;
  };
  const release = async () => {
    if (relayStopped) relay.start(config.outboxPollMs);
    relayStopped = false;
  };
  return { hold: stop, pauseAll: stop, release, counts: async () => null, close: release };
}

/**
 * Where the time goes: every query the app sends (by verb and table), attributed to the
 * job it ran for, to the outbox relay, or else to the phase of the scenario (API requests,
 * the baselines). A job's and the relay's calls run in an AsyncLocalStorage scope. The
 * embedded TransactionRunner chains transactions one after another, and a chained callback
 * starts in the context of whoever queued before it: so each unit of work is put back into
 * its caller's scope, and its BEGIN and COMMIT (sent outside it) are attributed through its
 * QueryRunner (SQLite has one, used by one transaction at a time). Also counts handler runs
 * per job, and per attempt for grade-attempt: "graded once" as the job runner sees it. The
 * bench's own polls are marked and left out.
 */
function profiler(app: NestFastifyApplication, db: DataSource) {
  const registry = app.get(JobRegistry);
  const relay = app.get(OutboxRelay);
  const tx = app.get(TransactionRunner);
  const scope = new AsyncLocalStorage<string>();
  const runs = new Map<string, number>();
  /** The other jobs' handler runs that started while grading was measured: which, and when. */
  const othersWhileGrading: Array<{ name: string; at: number }> = [];
  const gradeRuns = new Map<string, number>();
  const queries = new Map<string, Map<string, number>>();
  const kinds = new Map<string, string>();
  const byRunner = new WeakMap<object, string>();
  const begun = new WeakSet<object>();
  let phase = 'setup';
  // '' (or no store): outside jobs and the relay, i.e. the phase of the scenario.
  const current = () => {
    const store = scope.getStore();
    return store === 'relay' ? `relay (${phase})` : store || phase;
  };
  const count = (bucket: string, kind: string) => {
    const counts = queries.get(bucket) ?? new Map<string, number>();
    queries.set(bucket, counts.set(kind, (counts.get(kind) ?? 0) + 1));
  };

  const originalRun = registry.run.bind(registry);
  registry.run = ((name: JobName, payload: JobPayloads[JobName], context: JobContext) => {
    runs.set(name, (runs.get(name) ?? 0) + 1);
    if (phase === 'grading' && name !== 'assessment.grade-attempt') othersWhileGrading.push({ name, at: Date.now() });
    if (name === 'assessment.grade-attempt') {
      const id = (payload as JobPayloads['assessment.grade-attempt']).attemptId;
      gradeRuns.set(id, (gradeRuns.get(id) ?? 0) + 1);
    }
    return scope.run(`job ${name}`, () => originalRun(name, payload, context));
  }) as JobRegistry['run'];
  // The relay is woken from inside jobs and requests (after their commit): its work is its own.
  const originalKick = relay.kick.bind(relay);
  relay.kick = () => scope.run('relay', originalKick);
  const originalTx = tx.run.bind(tx);
  tx.run = (<T>(work: (m: EntityManager) => Promise<T>) => {
    const store = scope.getStore() ?? '';
    const bucket = current();
    return originalTx((m) => {
      const runner = m.queryRunner;
      if (runner) {
        byRunner.set(runner, bucket);
        if (begun.delete(runner)) count(bucket, 'BEGIN');
      }
      return scope.run(store, () => work(m));
    });
  }) as TransactionRunner['run'];

  const logger = db.logger;
  const originalLog = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    if (!query.includes('bench-poll')) {
      let kind = kinds.get(query);
      if (!kind) kinds.set(query, (kind = queryKind(query)));
      if (kind === 'BEGIN' && runner) {
        // Counted once the unit of work starts and its caller is known.
        begun.add(runner);
      } else if ((kind === 'COMMIT' || kind === 'ROLLBACK') && runner) {
        count(byRunner.get(runner) ?? current(), kind);
        byRunner.delete(runner);
      } else {
        count(current(), kind);
      }
    }
    return originalLog(query, parameters, runner);
  };
  return {
    runs,
    othersWhileGrading,
    gradeRuns,
    phase(name: string) {
      phase = name;
    },
    /** "12.00 (BEGIN 2.00, ...)": the queries of a bucket per `per` units (requests, jobs, attempts). */
    describe(buckets: string | string[], per: number) {
      const merged = new Map<string, number>();
      for (const bucket of typeof buckets === 'string' ? [buckets] : buckets) {
        for (const [k, v] of queries.get(bucket) ?? []) merged.set(k, (merged.get(k) ?? 0) + v);
      }
      const counts = [...merged.entries()].sort((a, b) => b[1] - a[1]);
      const sum = counts.reduce((a, [, v]) => a + v, 0);
      const f = (v: number) => (v / Math.max(1, per)).toFixed(2);
      return `${f(sum)} (${counts.map(([k, v]) => `${k} ${f(v)}`).join(', ')})`;
    },
    stop() {
      delete (registry as Partial<Pick<JobRegistry, 'run'>>).run;
      delete (relay as Partial<Pick<OutboxRelay, 'kick'>>).kick;
      delete (tx as Partial<Pick<TransactionRunner, 'run'>>).run;
      logger.logQuery = originalLog;
    },
  };
}

/** Where in their rounds jobs started: at its first or last 100 ms, or in between. */
function whenInRound(starts: number[], releases: number[], ends: number[]): string {
  let first = 0;
  let last = 0;
  let between = 0;
  for (const at of starts) {
    const round = releases.filter((r) => r <= at).length - 1;
    if (round < 0) continue;
    if (at - releases[round] < 100) first++;
    else if (ends[round] !== undefined && ends[round] - at < 100) last++;
    else between++;
  }
  return `${first} in a round's first 100 ms, ${last} in its last, ${between} in between`;
}

function queryKind(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  const verb = s.split(' ')[0].toUpperCase();
  if (verb === 'START' || verb === 'BEGIN') return 'BEGIN';
  if (verb === 'COMMIT' || verb === 'ROLLBACK') return verb;
  const table = /\b(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)/i.exec(s)?.[1] ?? '?';
  return `${verb} ${table}`;
}

function printCpuProfile(summary: CpuProfileSummary): void {
  const pct = (x: { name: string; share: number }) => `${x.name} ${(x.share * 100).toFixed(1)}%`;
  log(`CPU profile ${summary.file} (${summary.totalMs} ms sampled; profiling slows the app)`);
  log(`  self time by package: ${summary.byPackage.map(pct).join(', ')}`);
  log(`  top functions: ${summary.byFunction.map(pct).join(', ')}`);
}

/** The longest the app's event loop went without turning (a 10 ms ticker's longest extra gap), while it runs (ms). */
function loopDelay() {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  };
  const timer = setInterval(tick, 10);
  return {
    stop() {
      tick();
      clearInterval(timer);
      return Math.max(0, Math.round(longest));
    },
  };
}

function latencyStats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return { p50: at(0.5), p99: at(0.99) };
}

/** A Measurement for a figure that is not a request rate (jobs, a time), so that the report can print it. */
function derived(rate: number, ok: number, failed: number, seconds: number, latenciesMs: number[]): Measurement {
  const { p50, p99 } = latencyStats(latenciesMs);
  return {
    rps: rate,
    ok,
    failed,
    latencyP50Ms: p50,
    latencyP99Ms: p99,
    durationSec: Number(seconds.toFixed(3)),
    connections: 0,
    statusCodes: {},
  };
}

/**
 * 20,000 learners (BENCH_EXAM_LEARNERS, 2,000 by default for CI) start and submit a
 * 20-question quiz in a synchronized burst; every submission must be stored once, queued
 * once and graded once. Measures submissions/s accepted by the API against a bare
 * Nest/Fastify endpoint that inserts one row and enqueues one job (baseline A), the
 * grading rate against a bare worker doing one read and one update per job (baseline B),
 * and the time until the last attempt is graded. Both baselines run in the same run, on
 * the same database and job backend as the app.
 *
 *   npm run bench -- exam-burst                           CI size: 2,000 learners (+5% warm-up)
 *   BENCH_EXAM_LEARNERS=20000 npm run bench -- exam-burst  the size of the issue
 *   BENCH_EXAM_GRADING=live     grade during the burst, as in production (default: held, see GradingHold)
 *   BENCH_EXAM_ROUNDS=3         rounds of baseline B and grading, alternating (held only; 3 by default)
 *   BENCH_EXAM_CPU_PROFILE=1    CPU profiles of the burst, baseline B and grading in bench/results/ (slows the app; one round)
 *   DATABASE_URL=mariadb://…/<fresh db> REDIS_URL=redis://…  MariaDB and BullMQ instead of SQLite, in-process
 *
 * Besides the figures it prints the exactly-once checks (FAIL with examples when one is
 * violated) and the queries per request and per job, attributed to the job they ran for.
 */
export const examBurst: Scenario = {
  name: 'exam-burst',
  description:
    'POST start + submit of a 20-question quiz by N learners in one burst (BENCH_EXAM_LEARNERS, full size 20,000), grading to the last attempt; against an insert+enqueue endpoint and a read+update worker',
  async run(ctx) {
    const app = ctx.bina.app;
    const config = ctx.bina.config;
    const db = app.get<DataSource>(getDataSourceToken());
    const tx = app.get(TransactionRunner);
    const n = positiveInt(process.env.BENCH_EXAM_LEARNERS, DEFAULT_LEARNERS);
    const live = process.env.BENCH_EXAM_GRADING === 'live';
    const cpuProfiling = process.env.BENCH_EXAM_CPU_PROFILE === '1';
    // A few early finishers warm the submit and grading paths before the measured burst.
    const warm = Math.min(200, Math.max(20, Math.floor(n / 20)));
    const total = n + warm;
    const connections = ctx.connections;
    const gradingTimeoutMs = Math.max(120_000, total * 25);
    // The pipeline after grading ends with certificate PDFs, about 30 a second on two cores.
    const pipelineTimeoutMs = Math.max(gradingTimeoutMs, total * 60);
    log(
      `${n} learners in the burst (+${warm} warm-up; full size ${EXAM_FULL_SIZE}), ${connections} connections, ` +
        `grading ${live ? 'live during the burst' : 'held until the burst is over'}, jobs ${config.redis ? 'BullMQ' : 'in-process'}`,
    );

    // --- Setup: the quiz through the API, learners and enrolments in bulk, tokens signed by the app.
    const t0 = Date.now();
    const quiz = await buildExamQuiz(ctx.bina.baseUrl);
    const learnerIds = await seedLearners(db, total, `91${String(randomInt(0, 10_000)).padStart(4, '0')}`);
    await seedEnrolments(db, learnerIds, {
      courseIds: [quiz.courseId],
      versionIds: [quiz.versionId],
      lessonsByVersion: new Map(),
    });
    const auth = app.get(AuthService);
    const tokens = learnerIds.map(
      (id) =>
        auth.issue({ id, name: '', role: 'learner', scopeRegionCode: null, locale: 'id' } as unknown as User)
          .accessToken,
    );
    log(
      `seeded the quiz (${EXAM_QUESTIONS.length} questions), ${total} learners and enrolments in ${secondsSince(t0)} s`,
    );

    const hold = gradingHold(app, config);
    const jobs = baselineJobs(config.redis);
    await createScratchTables(db);
    const prof = profiler(app, db);
    try {
      prof.phase('starts');
      // --- Every learner starts (setup, measured as starts/s).
      const starts = await burst({
        baseUrl: ctx.bina.baseUrl,
        method: 'POST',
        requests: learnerIds.map((_, i) => ({
          path: `/api/assessment/quizzes/${quiz.quizId}/attempts`,
          token: tokens[i],
        })),
        connections,
        pick: '*',
      });
      if (starts.measurement.ok !== total || starts.picked.some((body) => !body)) {
        throw new Error(
          `starts: ${starts.measurement.ok} of ${total} answered 2xx (${JSON.stringify(starts.measurement.statusCodes)}): ${starts.samples.join(' | ')}`,
        );
      }
      const attemptIds = starts.picked.map((body) => (JSON.parse(body!) as { id: string }).id);
      // Each attempt names its options with ids of its own; learner i answers in theirs.
      const answers = starts.picked.map((body, i) => examResponses(i, shownOptionsOf(body!)).responses);
      log(`started ${total} attempts: ${Math.round(starts.measurement.rps)} starts/s`);

      const submitRequest = (i: number): BurstRequest => ({
        path: `/api/assessment/attempts/${attemptIds[i]}/submit`,
        token: tokens[i],
        body: JSON.stringify({ responses: answers[i] }),
      });
      const countGraded = async () => {
        const rows: Array<{ n: number | string }> = await db.query(
          `SELECT COUNT(*) AS n FROM quiz_attempt WHERE quiz_id = ? AND status = 'graded' /* bench-poll */`,
          [quiz.quizId],
        );
        return Number(rows[0].n);
      };
      const idle = () => pipelineIdle(app);
      /** True once `check` holds; false (and a FAIL line) when it still does not after the timeout. */
      const waitFor = async (
        what: string,
        check: () => Promise<boolean>,
        progress = () => '',
        timeoutMs = gradingTimeoutMs,
      ) => {
        const until = Date.now() + timeoutMs;
        while (!(await check())) {
          if (Date.now() > until) {
            log(`FAIL: timed out after ${timeoutMs / 1000} s waiting for ${what} ${progress()}`);
            return false;
          }
          await sleep(25);
        }
        return true;
      };
      const mustWaitFor = async (what: string, check: () => Promise<boolean>) => {
        if (!(await waitFor(what, check))) throw new Error(`exam-burst: ${what} did not happen`);
      };
      const settle = () =>
        waitFor(
          'the job pipeline to go idle',
          async () => (await idle()) && (await idle()),
          () => '',
          pipelineTimeoutMs,
        );

      // --- Warm-up: the first learners submit and are graded before anything is measured.
      prof.phase('warm-up');
      const early = await burst({
        baseUrl: ctx.bina.baseUrl,
        method: 'POST',
        requests: Array.from({ length: warm }, (_, i) => submitRequest(i)),
        connections,
      });
      if (early.measurement.ok !== warm) throw new Error(`warm-up submits failed: ${early.samples.join(' | ')}`);
      await mustWaitFor('the warm-up attempts to be graded', async () => (await countGraded()) >= warm);
      await mustWaitFor('the job pipeline to go idle after the warm-up', async () => (await idle()) && (await idle()));

      // --- Baseline A: the bare endpoint, warmed with as many requests, then the same burst size.
      prof.phase('baseline A');
      const bare = await startInsertEnqueueBaseline(tx, jobs);
      const bareRequest = (i: number): BurstRequest => ({
        path: `/submit/${newId()}`,
        body: JSON.stringify({ responses: answers[i] }),
      });
      await burst({
        baseUrl: bare.url,
        method: 'POST',
        requests: Array.from({ length: warm }, (_, i) => bareRequest(i)),
        connections,
      });
      const baselineA = await burst({
        baseUrl: bare.url,
        method: 'POST',
        requests: Array.from({ length: n }, (_, k) => bareRequest(warm + k)),
        connections,
      });
      await bare.close();
      if (baselineA.measurement.failed > 0) {
        throw new Error(`baseline A: ${baselineA.measurement.failed} of ${n} failed: ${baselineA.samples.join(' | ')}`);
      }
      log(`baseline A (insert one row + ${jobs.label}): ${Math.round(baselineA.measurement.rps)} req/s`);

      // --- The burst: every other learner submits at once.
      if (!live) await hold.hold();
      prof.phase('burst');
      const cpuSubmits = cpuProfiling ? await startCpuProfile() : null;
      const burstLoop = loopDelay();
      const burstStarted = Date.now();
      const submits = await burst({
        baseUrl: ctx.bina.baseUrl,
        method: 'POST',
        requests: Array.from({ length: n }, (_, k) => submitRequest(warm + k)),
        connections,
      });
      const burstEnded = Date.now();
      const burstLag = burstLoop.stop();
      if (cpuSubmits) printCpuProfile(await cpuSubmits.stop('exam-burst-submits'));
      const accepted = submits.statuses.filter((s) => s === 202).length;
      log(
        `burst: ${accepted} of ${n} submissions accepted (202) in ${submits.measurement.durationSec} s, ` +
          `${Math.round(submits.measurement.rps)}/s, p50 ${submits.measurement.latencyP50Ms} ms, p99 ${submits.measurement.latencyP99Ms} ms` +
          (submits.samples.length ? `; not accepted: ${submits.samples.join(' | ')}` : ''),
      );

      // --- Grading: held, it starts now (on Redis once the relay has moved every row); live, it has been running.
      let windowStart = burstStarted;
      if (!live) {
        if (config.redis) {
          await waitFor('the relay to hand every grading job to Redis', async () => {
            const pending = await db
              .getRepository(OutboxMessage)
              .createQueryBuilder('m')
              .where('m.job_name = :name AND m.status = :pending', {
                name: 'assessment.grade-attempt',
                pending: 'pending',
              })
              .comment('bench-poll')
              .getCount();
            return pending === 0;
          });
          log(`relay: every grading job in Redis ${secondsSince(burstEnded)} s after the burst`);
        }
      }
      // --- Baseline B and grading, in alternating rounds when held: a bare worker over the
      // jobs baseline A queued, then the app's grading, then B again... so that both are
      // measured at the same moments of this shared machine, whose speed drifts within a
      // run (B alone moved between 2,100 and 4,400 jobs/s on one day). Each side's rate is
      // its jobs over the time it ran. One round when live, when profiling (one profile per
      // side), or with BENCH_EXAM_BASELINE_B=after (B once the pipeline is idle).
      const bAfter = live || process.env.BENCH_EXAM_BASELINE_B === 'after';
      const rounds = bAfter || cpuProfiling ? 1 : positiveInt(process.env.BENCH_EXAM_ROUNDS, 3);
      const runBaselineB = async (count: number, offset: number) => {
        prof.phase('baseline B');
        const cpu = cpuProfiling ? await startCpuProfile() : null;
        const run = await runBareWorker(db, jobs, count, offset);
        if (cpu) printCpuProfile(await cpu.stop('exam-burst-baseline-b'));
        return run;
      };
      const bRuns: WorkerRun[] = [];
      const bTotal = n + warm;
      // Every accepted submission is graded (one that was refused stays in progress: the checks say so).
      const expectedGraded = warm + accepted;
      /** When each round of grading was released (held); windowStart is the first. */
      const releases: number[] = [];
      /** When each round's target was seen graded. */
      const roundEnds: number[] = [];
      const gradingSpentByRound: CpuSpent[] = [];
      let gradingLag = 0;
      let cpuGrading: Awaited<ReturnType<typeof startCpuProfile>> | null = null;
      for (let round = 1; round <= rounds; round++) {
        if (!bAfter) {
          const done = bRuns.reduce((sum, r) => sum + r.jobs, 0);
          bRuns.push(await runBaselineB(Math.ceil((bTotal * round) / rounds) - done, done));
        }
        prof.phase('grading');
        // Profiling runs one round: the profile is grading's alone.
        if (cpuProfiling && !live) cpuGrading = await startCpuProfile();
        if (!live) releases.push(Date.now());
        const gradingLoop = loopDelay();
        const gradingCpu = cpuMeter();
        if (!live) await hold.release();
        const target = round === rounds ? expectedGraded : warm + Math.ceil((accepted * round) / rounds);
        let graded = 0;
        await waitFor(
          round === rounds ? 'every accepted attempt to be graded' : `round ${round} of grading`,
          async () => (graded = await countGraded()) >= target,
          () => `(${graded} of ${target} graded)`,
        );
        // From here the round's figures are taken: what runs on is the hold's, not grading's.
        prof.phase('grading held');
        roundEnds.push(Date.now());
        // Held again between rounds; the jobs in hand finish before baseline B goes on.
        if (round < rounds) await hold.hold();
        gradingSpentByRound.push(gradingCpu.stop());
        gradingLag = Math.max(gradingLag, gradingLoop.stop());
        // The fan-out of these grades waits too, so that the next round of B has the machine.
        if (round < rounds) await hold.pauseAll();
      }
      if (!live) windowStart = releases[0];
      const gradingSpent = sumCpu(gradingSpentByRound);
      log(
        `event loop of the app: longest stall ${burstLag} ms during the burst, ${gradingLag} ms while grading ` +
          `(a stall is time the process answers no request)`,
      );
      if (cpuGrading) printCpuProfile(await cpuGrading.stop('exam-burst-grading'));

      // --- The rest of the pipeline (attempt-graded: lesson and course completion) finishes before the checks.
      prof.phase('pipeline');
      const pipelineStarted = Date.now();
      await settle();
      log(
        `pipeline (attempt-graded, course completion) idle ${secondsSince(pipelineStarted)} s after every attempt was seen graded`,
      );

      if (bAfter) bRuns.push(await runBaselineB(bTotal, 0));
      const baselineB = combineWorkerRuns(bRuns);
      log(
        `baseline B (${baselineB.label}, 1 read + 1 update per job, ` +
          `${bAfter ? 'after the pipeline went idle' : rounds > 1 ? `${rounds} rounds, each just before a round of grading` : 'just before grading is released'}): ` +
          `${baselineB.jobs} jobs in ${baselineB.seconds.toFixed(2)} s = ${Math.round(baselineB.jobs / baselineB.seconds)} jobs/s; ` +
          `failed ${baselineB.failed}, done exactly once ${baselineB.doneOnce}/${baselineB.jobs}`,
      );
      const bareRate = baselineB.jobs / baselineB.seconds;
      // On two cores a rate is bounded by what all processes spend per job together.
      log(`CPU per grading job${live ? ' (live: the API shares it)' : ''}: ${gradingSpent.per(accepted)}`);
      log(`CPU per baseline B job: ${baselineB.cpu.per(baselineB.jobs)}`);

      // --- Where the time goes: queries per request and per job.
      prof.phase('checks');
      const runsOf = (name: JobName) => prof.runs.get(name) ?? 0;
      log(`queries per start request (API): ${prof.describe('starts', total)}`);
      log(`queries per submit request (API${live ? '; grading runs beside' : ''}): ${prof.describe('burst', n)}`);
      for (const name of [
        'assessment.grade-attempt',
        'assessment.attempt-graded',
        'learning.course-completed',
      ] as const) {
        log(`queries per ${name} job (${runsOf(name)} runs): ${prof.describe(`job ${name}`, runsOf(name))}`);
      }
      log(
        `queries of the outbox relay per attempt, from the burst to the end: ${prof.describe(['relay (burst)', 'relay (grading)', 'relay (grading held)', 'relay (pipeline)'], n)}`,
      );
      log(`queries of the outbox relay while grading ran, per attempt: ${prof.describe('relay (grading)', n)}`);
      const others = new Map<string, number>();
      for (const { name } of prof.othersWhileGrading) others.set(name, (others.get(name) ?? 0) + 1);
      log(
        `other jobs started while grading ran (the fan-out, which waits for grading): ` +
          (others.size ? [...others].map(([name, count]) => `${name} ${count}`).join(', ') : 'none') +
          (releases.length
            ? ` (${whenInRound(
                prof.othersWhileGrading.map((o) => o.at),
                releases,
                roundEnds,
              )})`
            : ''),
      );
      log(`queries per baseline A request: ${prof.describe('baseline A', total)}`);
      log(`queries per baseline B job: ${prof.describe('baseline B', baselineB.jobs)}`);

      // --- Exactly once: one attempt per learner, one grading job per attempt, graded once with the right score.
      const attempts = await db.getRepository(QuizAttempt).find({
        select: {
          id: true,
          userId: true,
          number: true,
          status: true,
          gradeVersion: true,
          scoreHundredths: true,
          submittedAt: true,
          gradedAt: true,
        },
        where: { quizId: quiz.quizId },
      });
      const outbox = await db.getRepository(OutboxMessage).find({
        select: { jobId: true, jobName: true, status: true, attempts: true, payload: true },
        where: { jobName: In(['assessment.grade-attempt', 'assessment.attempt-graded']) },
      });
      const rowsByJob = new Map<string, OutboxMessage[]>();
      for (const row of outbox) rowsByJob.set(row.jobId, [...(rowsByJob.get(row.jobId) ?? []), row]);
      // A graded event carries the attempts graded together: found by what it names.
      const eventsByAttempt = new Map<string, Array<{ row: OutboxMessage; gradeVersion: number }>>();
      for (const row of outbox.filter((r) => r.jobName === 'assessment.attempt-graded')) {
        for (const { attemptId, gradeVersion } of gradedAttemptsOf(JSON.parse(row.payload) as GradedAttempts)) {
          eventsByAttempt.set(attemptId, [...(eventsByAttempt.get(attemptId) ?? []), { row, gradeVersion }]);
        }
      }
      const byUser = new Map<string, QuizAttempt[]>();
      for (const a of attempts) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
      const delivered = config.redis ? 'sent' : 'done';
      const problems = {
        stored: [] as string[],
        queued: [] as string[],
        graded: [] as string[],
        score: [] as string[],
      };
      let allOnce = 0;
      learnerIds.forEach((userId, i) => {
        const rows = byUser.get(userId) ?? [];
        const id = attemptIds[i];
        const a = rows[0];
        const bad: string[] = [];
        if (rows.length !== 1 || a.id !== id || a.number !== 1) {
          problems.stored.push(`learner ${i}: ${rows.length} attempt rows`);
          bad.push('stored');
        }
        const jobRows = rowsByJob.get(`assessment.grade-attempt:${id}`) ?? [];
        if (jobRows.length !== 1 || jobRows[0].status !== delivered || jobRows[0].attempts !== 0) {
          problems.queued.push(
            `${id}: ${jobRows.length} grading rows ${jobRows.map((r) => `${r.status}/${r.attempts}`).join(',')}`,
          );
          bad.push('queued');
        }
        const events = eventsByAttempt.get(id) ?? [];
        if (
          !a ||
          a.status !== 'graded' ||
          a.gradeVersion !== 1 ||
          events.length !== 1 ||
          events[0].gradeVersion !== 1 ||
          events[0].row.status !== delivered
        ) {
          problems.graded.push(`${id}: ${a?.status} v${a?.gradeVersion}, ${events.length} graded events`);
          bad.push('graded');
        }
        if (a && a.scoreHundredths !== examResponses(i).expectedHundredths) {
          problems.score.push(`${id}: ${a.scoreHundredths} instead of ${examResponses(i).expectedHundredths}`);
          bad.push('score');
        }
        if (prof.gradeRuns.get(id) !== 1) bad.push('ran');
        if (bad.length === 0) allOnce++;
      });
      const known = new Set(attemptIds);
      const strays = attempts.filter((a) => !known.has(a.id)).length;
      const passers = learnerIds.filter(
        (_, i) => ((EXAM_QUESTIONS.length - wrongAnswersOf(i)) * 100) / EXAM_QUESTIONS.length >= EXAM_PASS_PERCENT,
      ).length;
      const completed = await db
        .getRepository(Enrolment)
        .count({ where: { courseId: quiz.courseId, status: 'completed' } });
      const queueCounts = await hold.counts();
      const check = (name: string, ok: boolean, detail: string, examples: string[] = []) =>
        log(
          `check ${name}: ${ok ? 'ok' : 'FAIL'} (${detail})${!ok && examples.length ? ` e.g. ${examples.slice(0, 3).join('; ')}` : ''}`,
        );
      check('submissions accepted (202)', accepted === n, `${accepted}/${n}`, submits.samples);
      check(
        'stored once (one attempt row per learner)',
        problems.stored.length === 0 && strays === 0,
        `${total - problems.stored.length}/${total}, ${strays} stray rows`,
        problems.stored,
      );
      check(
        'queued once (one assessment.grade-attempt:<id> outbox row, delivered first time)',
        problems.queued.length === 0,
        `${total - problems.queued.length}/${total}`,
        problems.queued,
      );
      check(
        'graded once (status graded, grade version 1, one attempt-graded event)',
        problems.graded.length === 0,
        `${total - problems.graded.length}/${total}`,
        problems.graded,
      );
      const runsWrong = attemptIds.filter((id) => prof.gradeRuns.get(id) !== 1);
      check(
        'grading handler ran once per attempt',
        runsWrong.length === 0 && runsOf('assessment.grade-attempt') === total,
        `${total - runsWrong.length}/${total}, ${runsOf('assessment.grade-attempt')} runs in all`,
        runsWrong.map((id) => `${id}: ${prof.gradeRuns.get(id) ?? 0} runs`),
      );
      check(
        'scores as answered',
        problems.score.length === 0,
        `${total - problems.score.length}/${total}`,
        problems.score,
      );
      check('passers completed the course', completed === passers, `${completed}/${passers} enrolments completed`);
      if (queueCounts) {
        check(
          'BullMQ assessment queue: every job completed once, none failed',
          // The graded event runs on the learning queue (course progress), so only grade-attempt is here.
          queueCounts.failed === 0 && queueCounts.completed === total,
          `completed ${queueCounts.completed} of ${total} grade-attempt jobs, failed ${queueCounts.failed}`,
        );
      }
      check(
        'baseline B did every job once',
        baselineB.doneOnce === baselineB.jobs && baselineB.failed === 0,
        `${baselineB.doneOnce}/${baselineB.jobs}`,
      );

      // --- Figures.
      const burstAttempts = new Set(attemptIds.slice(warm));
      const mine = attempts.filter((a) => burstAttempts.has(a.id) && a.gradedAt);
      const lastGraded = mine.reduce((t, a) => Math.max(t, a.gradedAt!.getTime()), mine.length ? 0 : Date.now());
      const firstGraded = mine.reduce((t, a) => Math.min(t, a.gradedAt!.getTime()), lastGraded);
      // Grading's time: in each round, from its release to its last grade. The rounds of
      // baseline B in between are left out of both grading figures.
      const roundStarts = releases.length > 0 ? releases : [windowStart];
      const roundOf = (t: number) => {
        let r = 0;
        while (r + 1 < roundStarts.length && t >= roundStarts[r + 1]) r++;
        return r;
      };
      const lastByRound = roundStarts.map(() => 0);
      for (const a of mine) {
        const r = roundOf(a.gradedAt!.getTime());
        lastByRound[r] = Math.max(lastByRound[r], a.gradedAt!.getTime());
      }
      const gradingSeconds = roundStarts.reduce((sum, start, r) => sum + Math.max(0, lastByRound[r] - start), 0) / 1000;
      const heldBetweenMs = roundStarts.slice(1).reduce((sum, start, r) => sum + (start - lastByRound[r]), 0);
      const untilLastGraded = (lastGraded - burstStarted - heldBetweenMs) / 1000;
      const gradeLatencies = mine.map((a) => {
        const gradedAt = a.gradedAt!.getTime();
        return gradedAt - Math.max(a.submittedAt!.getTime(), roundStarts[roundOf(gradedAt)]);
      });
      const gradingRate = mine.length / gradingSeconds;
      const grading = derived(gradingRate, mine.length, n - mine.length, gradingSeconds, gradeLatencies);
      const toLastGraded = derived(
        mine.length / untilLastGraded,
        mine.length,
        n - mine.length,
        untilLastGraded,
        gradeLatencies,
      );
      // What the bare pieces would take for the same burst: one after the other when held, side by side when live.
      const bareSeconds = live
        ? Math.max(n / baselineA.measurement.rps, n / bareRate)
        : n / baselineA.measurement.rps + n / bareRate;
      log(
        `last attempt graded ${untilLastGraded.toFixed(2)} s after the burst started` +
          `${live ? '' : ` (${(burstEnded - burstStarted) / 1000} s burst, grading ${gradingSeconds.toFixed(2)} s from release)`}; ` +
          `grading ${Math.round(gradingRate)} jobs/s; the first grade came ${firstGraded - windowStart} ms after the release`,
      );
      const goal = (what: string, ratio: number, wanted: number) =>
        log(`goal ${what} ≥ ${wanted}×: ${ratio.toFixed(2)}× ${ratio >= wanted ? 'met' : 'MISSED'}`);
      goal('submissions/s vs baseline A', submits.measurement.rps / baselineA.measurement.rps, SUBMITS_GOAL);
      goal('grading jobs/s vs baseline B', gradingRate / bareRate, GRADING_GOAL);

      const figures: Figure[] = [
        {
          metric: 'exam: starts (setup) vs insert+enqueue',
          unit: 'req/s',
          value: starts.measurement.rps,
          baseline: baselineA.measurement.rps,
          measurement: starts.measurement,
        },
        {
          metric: `exam: submissions accepted vs insert+enqueue (${config.redis ? 'BullMQ add' : 'outbox row'})`,
          unit: 'req/s',
          value: submits.measurement.rps,
          baseline: baselineA.measurement.rps,
          measurement: submits.measurement,
        },
        {
          metric: `exam: grading vs bare ${config.redis ? 'BullMQ worker' : 'in-process loop'} (1 read + 1 update)${live ? ', live: from the burst start, bound by arrivals' : ''}`,
          unit: 'jobs/s',
          value: gradingRate,
          baseline: bareRate,
          measurement: grading,
        },
        {
          metric: `exam: time to last graded, lower is better${live ? ', live' : ', grading held'}`,
          unit: 's',
          value: untilLastGraded,
          baseline: bareSeconds,
          measurement: toLastGraded,
        },
        {
          metric: 'exam: attempts stored, queued and graded exactly once',
          unit: 'attempts',
          value: allOnce,
          baseline: total,
          measurement: derived(allOnce, allOnce, total - allOnce, 0, []),
        },
      ];
      return figures;
    } finally {
      prof.stop();
      await hold.close();
      await jobs.close();
      await dropScratchTables(db);
    }
  },
};
