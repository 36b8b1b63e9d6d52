import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { caseById, SqlExpression } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { FrozenQuestion, GradingKey } from '../domain/attempt-score';
import { AnswerShape, answerShapeOf } from '../domain/grading';
import { decodeShapes, encodeShapes } from '../domain/answer-shapes';
import { QuizAttempt } from '../entities';

/** Saves and submits arriving this long after the deadline still count: a slow phone is not a late learner. */
export const NETWORK_GRACE_MS = 30_000;

/**
 * The attempt state transitions that several callers share (the learner's submit, the
 * timer, a start that finds an expired attempt). Each is a conditional update on the
 * status plus an outbox row in the caller's transaction: only one caller can win it, and
 * the winner's grading job is written together with the new state or not at all.
 */
@Injectable()
export class AttemptStore {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * in_progress → submitted by the timer (an attempt left open past its limit); true for the
   * one caller that made the transition. A learner's submits close through closeMany.
   */
  async close(m: EntityManager, attemptId: string, closedBy: 'learner' | 'timer'): Promise<boolean> {
    const now = this.clock.now();
    const won = await m
      .createQueryBuilder()
      .update(QuizAttempt)
      .set({ status: 'submitted', submittedAt: now, closedBy, updatedAt: now })
      .where({ id: attemptId, status: 'in_progress' })
      .execute();
    if (won.affected !== 1) return false;
    await this.outbox.enqueue(m, 'assessment.grade-attempt', { attemptId }, { jobId: attemptId });
    return true;
  }

  /**
   * in_progress → submitted for many attempts in one statement, with their grading jobs in
   * one more: the submits of an exam's last minute, closed together. The caller holds the
   * rows (locked, or alone on SQLite's one connection) and has checked that each is open;
   * a row found closed after all fails the whole batch, which then writes nothing.
   */
  async closeMany(
    m: EntityManager,
    closes: Array<{ id: string; closedBy: 'learner' | 'timer'; responsesJson: string | null }>,
  ): Promise<void> {
    if (closes.length === 0) return;
    const meta = m.connection.getMetadata(QuizAttempt);
    const dbValue = (property: keyof QuizAttempt, value: unknown) =>
      m.connection.driver.preparePersistentValue(value, meta.findColumnWithPropertyName(property)!);
    const now = this.clock.now();
    const params: unknown[] = [dbValue('submittedAt', now), dbValue('updatedAt', now)];
    const sets = [
      caseById(
        'closed_by',
        closes.map((c) => [c.id, c.closedBy] as const),
        params,
      ),
    ];
    const answered = closes.filter((c) => c.responsesJson !== null);
    if (answered.length) {
      const plusOne = new SqlExpression('revision + 1');
      sets.push(
        caseById(
          'responses_json',
          answered.map((c) => [c.id, c.responsesJson] as const),
          params,
          'responses_json',
        ),
        caseById(
          'revision',
          answered.map((c) => [c.id, plusOne] as const),
          params,
          'revision',
        ),
      );
    }
    params.push(...closes.map((c) => c.id));
    // Through the transaction's runner for its structured result: the rows changed, on either driver.
    const { affected } = await m.queryRunner!.query(
      `UPDATE quiz_attempt SET status = 'submitted', submitted_at = ?, updated_at = ?, ${sets.join(', ')}` +
        ` WHERE status = 'in_progress' AND id IN (${closes.map(() => '?').join(', ')})`,
      params,
      true,
    );
    if (affected !== closes.length) {
      throw new Error(`Closing ${closes.length} attempts changed ${affected}: a row changed under the batch`);
    }
    await this.outbox.enqueueMany(
      m,
      'assessment.grade-attempt',
      closes.map((c) => ({ payload: { attemptId: c.id }, jobId: c.id })),
    );
  }

  /** Past its deadline and the network grace: only the timer may close it now. */
  expired(attempt: Pick<QuizAttempt, 'dueAt'>, now = this.clock.now()): boolean {
    return attempt.dueAt !== null && now.getTime() >= attempt.dueAt.getTime() + NETWORK_GRACE_MS;
  }
}

export function snapshotOf(attempt: Pick<QuizAttempt, 'snapshotJson'>): FrozenQuestion[] {
  return JSON.parse(attempt.snapshotJson) as FrozenQuestion[];
}

/**
 * Slot → what an answer to it may be: from the attempt's own shapes, or from the snapshot on
 * attempts started before they were kept.
 */
export function shapesBySlot(attempt: Pick<QuizAttempt, 'shapesJson' | 'snapshotJson'>): Map<string, AnswerShape> {
  if (attempt.shapesJson) return decodeShapes(attempt.shapesJson);
  return new Map(snapshotOf(attempt).map(({ slot, content }) => [String(slot), content]));
}

/**
 * The columns an attempt's frozen questions are written to: the whole snapshot, what grading
 * reads of it and what answers are checked against. Every write of a snapshot goes through
 * here, so they never differ.
 */
export function frozenColumns(
  snapshot: FrozenQuestion[],
): Pick<QuizAttempt, 'snapshotJson' | 'keyJson' | 'shapesJson'> {
  const keys: GradingKey[] = snapshot.map(({ slot, points, key }) => ({ slot, points, key }));
  const shapes = snapshot.map(({ slot, content }) => ({ slot, shape: answerShapeOf(content) }));
  return { snapshotJson: JSON.stringify(snapshot), keyJson: JSON.stringify(keys), shapesJson: encodeShapes(shapes) };
}
