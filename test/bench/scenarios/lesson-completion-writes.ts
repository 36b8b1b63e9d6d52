import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { newId } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { CompletionRecorder } from '../../../src/modules/learning/progress/completion-recorder';
import { seedCourses } from '../seed/learning-data';
import { Enrolment } from '../../../src/modules/learning/entities';
import type { Measurement } from '../load';
import type { BenchContext, Scenario } from '../scenario';

const ENROLMENTS = 6_000;

/** Runs `call(i)` for i = 0, 1, ... with `connections` in flight, for the run's duration or `limit` calls. */
async function timed(ctx: BenchContext, limit: number, call: (i: number) => Promise<void>): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + ctx.durationSec * 1000;
  const worker = async () => {
    while (next < limit && performance.now() < until) {
      const i = next++;
      const t0 = performance.now();
      try {
        await call(i);
        latencies.push(performance.now() - t0);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: ctx.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
  if (failed > latencies.length / 100) throw new Error(`${failed} of ${failed + latencies.length} calls failed`);
  return {
    rps: latencies.length / seconds,
    ok: latencies.length,
    failed,
    latencyP50Ms: at(0.5),
    latencyP99Ms: at(0.99),
    durationSec: Number(seconds.toFixed(2)),
    connections: ctx.connections,
    statusCodes: {},
  };
}

/**
 * Lesson completions per second through the real recorder (row lock, upsert, rule check,
 * and for every fourth call the course completion: ledger, evidence, outbox), against a
 * bare single-row insert in a transaction through the same database layer.
 */
export const lessonCompletionWrites: Scenario = {
  name: 'lesson-completion-writes',
  description: 'CompletionRecorder.completeLesson per second against a one-row insert per transaction',
  async run(ctx) {
    const db = ctx.bina.app.get<DataSource>(getDataSourceToken());
    const tx = ctx.bina.app.get(TransactionRunner);
    const recorder = ctx.bina.app.get(CompletionRecorder);
    const catalogue = await seedCourses(db, 50, 'bench-writes');
    // Four-lesson courses only: every fourth completion of an enrolment completes the course.
    const versions = catalogue.versionIds.filter((v) => catalogue.lessonsByVersion.get(v)!.length === 4);
    const now = new Date();
    const enrolments = Array.from({ length: ENROLMENTS }, (_, i) => {
      const k = i % versions.length;
      return {
        id: newId(),
        userId: newId(),
        courseId: catalogue.courseIds[catalogue.versionIds.indexOf(versions[k])],
        versionId: versions[k],
        regionCode: null,
        status: 'active' as const,
        source: 'self' as const,
        assignmentId: null,
        deadline: null,
        lastLessonId: null,
        enrolledAt: now,
        completedAt: null,
        updatedAt: now,
      };
    });
    for (let i = 0; i < enrolments.length; i += 500)
      await db.getRepository(Enrolment).insert(enrolments.slice(i, i + 500));
    const pairs = enrolments.flatMap((e) =>
      catalogue.lessonsByVersion.get(e.versionId)!.map((lessonId) => ({ enrolmentId: e.id, lessonId })),
    );

    await db.query('CREATE TABLE bench_scratch (id varchar(36) PRIMARY KEY, n int NOT NULL)');
    try {
      const baseline = await timed(ctx, pairs.length, (i) =>
        tx.run((m) => m.query('INSERT INTO bench_scratch (id, n) VALUES (?, ?)', [newId(), i])),
      );
      const completions = await timed(ctx, pairs.length, async (i) => {
        await recorder.completeLesson(pairs[i].enrolmentId, pairs[i].lessonId);
      });
      return [
        {
          metric: 'lesson completions',
          unit: 'writes/s',
          value: completions.rps,
          baseline: baseline.rps,
          measurement: completions,
        },
      ];
    } finally {
      await db.query('DROP TABLE bench_scratch');
    }
  },
};
