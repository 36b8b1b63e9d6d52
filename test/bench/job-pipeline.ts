import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JOB_TRANSPORT, JobTransport, OutboxMessage } from '../../libs/queue';

/**
 * True when no outbox row is due and the transport runs nothing. The query is marked
 * `bench-poll` so that the exam bench's query counts leave it out.
 */
export async function pipelineIdle(app: INestApplicationContext): Promise<boolean> {
  const db = app.get<DataSource>(getDataSourceToken());
  const due = await db
    .getRepository(OutboxMessage)
    .createQueryBuilder('m')
    .where('m.status = :pending', { pending: 'pending' })
    .andWhere('m.available_at <= :now', { now: new Date() })
    .comment('bench-poll')
    .getCount();
  return due === 0 && (await app.get<JobTransport>(JOB_TRANSPORT).idle());
}

/**
 * Waits until the job pipeline has been idle at two looks in a row (a job that finishes may
 * queue another), or `timeoutMs` has passed; returns whether it went idle and how long it took.
 */
export async function waitForIdlePipeline(
  app: INestApplicationContext,
  timeoutMs: number,
): Promise<{ idle: boolean; seconds: number }> {
  const started = performance.now();
  const until = started + timeoutMs;
  while (!((await pipelineIdle(app)) && (await pipelineIdle(app)))) {
    if (performance.now() > until) return { idle: false, seconds: (performance.now() - started) / 1000 };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { idle: true, seconds: (performance.now() - started) / 1000 };
}
