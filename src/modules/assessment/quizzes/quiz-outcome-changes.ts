import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { jobsPerChunk, OutboxService } from '../../../../libs/queue';
import { Quiz, QuizAttempt } from '../entities';

/** Learners per outcome job: a job's transactions stay short, and a retry redoes little. */
export const OUTCOME_CHUNK = 200;

/** What decides whether an attempt passes, and what a passed (or taken) quiz does for the course. */
const outcomeOf = (q: Quiz) => `${q.passPercent}|${q.gradingMethod}|${q.role}`;

/**
 * A quiz whose pass mark, grading method or role changed has its learners' outcomes worked
 * out again (as Moodle recomputes grades after a settings change): a learner now passing
 * gets the lesson, maybe the course. Queued in the update's transaction, one job per chunk
 * of learners who have handed in an attempt; the jobs compare the settings before the change
 * with the settings as they are then, and act only on learners whose grade or pass changed.
 */
@Injectable()
export class QuizOutcomeChanges {
  constructor(private readonly outbox: OutboxService) {}

  async afterUpdate(m: EntityManager, before: Quiz, after: Quiz): Promise<void> {
    if (outcomeOf(before) === outcomeOf(after)) return;
    const rows: Array<{ userId: string }> = await m
      .createQueryBuilder(QuizAttempt, 'a')
      .select('DISTINCT a.userId', 'userId')
      .where('a.quizId = :quizId AND a.status <> :open', { quizId: after.id, open: 'in_progress' })
      .orderBy('a.userId', 'ASC')
      .getRawMany();
    const userIds = rows.map((r) => r.userId);
    await this.outbox.enqueueMany(
      m,
      'assessment.quiz-outcomes',
      // The settings before the change travel along: the job acts only on learners whose standing changed.
      jobsPerChunk(userIds, OUTCOME_CHUNK, (chunk) => ({
        quizId: after.id,
        userIds: chunk,
        before: { passPercent: before.passPercent, gradingMethod: before.gradingMethod, role: before.role },
      })),
    );
  }
}
