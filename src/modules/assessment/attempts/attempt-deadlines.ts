import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
    for (const attempt of open) {
      const dueAt = dueAtOf(quiz, attempt.startedAt);
      if ((dueAt?.getTime() ?? null) === (attempt.dueAt?.getTime() ?? null)) continue;
      await m.update(QuizAttempt, { id: attempt.id, status: 'in_progress' }, { dueAt, updatedAt: now });
      if (dueAt) await this.schedule(m, attempt.id, dueAt, now, `${attempt.id}:${newId()}`);
    }
  }
}
