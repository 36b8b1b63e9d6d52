import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { newId } from '../../../../libs/common';
import { OutboxService } from '../../../../libs/queue';
import { Quiz, QuizAttempt } from '../entities';
import { NETWORK_GRACE_MS } from './attempt-store';

/** When an attempt started at `startedAt` ends: its time limit, cut short by the quiz's close. */
export function dueAtOf(quiz: Pick<Quiz, 'timeLimitMinutes' | 'closesAt'>, startedAt: Date): Date | null {
  const byLimit = quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null;
  if (!quiz.closesAt) return byLimit;
  return byLimit && byLimit < quiz.closesAt ? byLimit : quiz.closesAt;
}

/** The server's timer of attempts: set at start, moved when the quiz's close or time limit changes. */
@Injectable()
export class AttemptDeadlines {
  constructor(private readonly outbox: OutboxService) {}

  /** Queues the close of an attempt at its deadline (and the network grace). */
  schedule(m: EntityManager, attemptId: string, dueAt: Date, now: Date, jobId = attemptId): Promise<void> {
    return this.outbox.enqueue(
      m,
      'assessment.attempt-expire',
      { attemptId },
      { jobId, delayMs: Math.max(0, dueAt.getTime() - now.getTime()) + NETWORK_GRACE_MS },
    );
  }

  /**
   * The quiz's close or time limit changed: attempts in progress end when the quiz now says
   * (an instructor extending the close during an outage gives the learners sitting it the
   * time too; shortening it ends theirs sooner). A moved deadline gets a timer of its own;
   * the old one finds the attempt not yet due and leaves it.
   */
  async reschedule(m: EntityManager, quiz: Quiz, now: Date): Promise<void> {
    const open = await m.find(QuizAttempt, {
      select: { id: true, startedAt: true, dueAt: true },
      where: { quizId: quiz.id, status: 'in_progress' },
    });
    // Attempts cut short by the close all share the new deadline: one UPDATE per deadline.
    const moved = new Map<number | null, string[]>();
    for (const attempt of open) {
      const dueAt = dueAtOf(quiz, attempt.startedAt)?.getTime() ?? null;
      if (dueAt === (attempt.dueAt?.getTime() ?? null)) continue;
      moved.set(dueAt, [...(moved.get(dueAt) ?? []), attempt.id]);
    }
    for (const [due, ids] of moved) {
      const dueAt = due === null ? null : new Date(due);
      await m.update(QuizAttempt, { id: In(ids), status: 'in_progress' }, { dueAt, updatedAt: now });
      if (!dueAt) continue;
      const delayMs = Math.max(0, dueAt.getTime() - now.getTime()) + NETWORK_GRACE_MS;
      await this.outbox.enqueueMany(
        m,
        'assessment.attempt-expire',
        ids.map((attemptId) => ({ payload: { attemptId }, jobId: `${attemptId}:${newId()}`, delayMs })),
      );
    }
  }
}
