import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { LearningApi } from '../../learning/learning.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { passes, quizGradeOf } from '../domain/attempt-score';
import { visible } from '../domain/review-policy';
import { AttemptStatus, Quiz, QuizAttempt } from '../entities';
import { PostTestSubscribers } from './post-test-subscribers';

/** Attempts the learner has handed in, whatever became of their grading. */
const TAKEN: AttemptStatus[] = ['submitted', 'awaiting_manual', 'graded', 'failed'];

/**
 * What a final grade means for the course: passing the quiz (by its grading method)
 * completes its lessons, which may complete the course and credit JP. A pre-test counts
 * as done once taken, whatever the score: it measures the starting point, so an essay
 * waiting for a mark (or a grading that failed) must not hold the rest of the course back.
 * Safe to run again and in any order: completion is idempotent and reads the current grades.
 * Nothing here ever un-completes: learning keeps a lesson or course once done, so a pass mark
 * raised later does not take back lessons, JP or certificates already earned.
 * The learner is told the grade is out (one notification per grade version), with the score
 * only when the quiz's review policy already shows it.
 */
@Injectable()
export class AttemptOutcome {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly learning: LearningApi,
    private readonly notifications: NotificationsApi,
    private readonly clock: Clock,
    private readonly postTests: PostTestSubscribers,
  ) {}

  /** One transaction for the whole of it (course progress joins it): a job costs one commit. */
  async apply(attemptId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const attempt = await m.findOneBy(QuizAttempt, { id: attemptId });
      if (!attempt) return;
      const quiz = await m.findOneBy(Quiz, { id: attempt.quizId });
      if (!quiz) return;
      // Done when it was submitted: an essay marked after New Year still counts for the old year.
      const doneAt = attempt.submittedAt ?? undefined;
      if (attempt.status !== 'graded') {
        if (quiz.role === 'pre' && TAKEN.includes(attempt.status)) {
          await this.learning.quizPassed(attempt.userId, quiz.courseId, quiz.id, doneAt);
        }
        return;
      }
      const { grade, passed } = await this.standing(m, quiz, attempt.userId);
      if (quiz.role === 'pre' || passed) {
        await this.learning.quizPassed(attempt.userId, quiz.courseId, quiz.id, doneAt);
      }
      // With "last" and a newer attempt still being marked there is no grade yet: that one tells.
      if (quiz.role === 'post' && grade !== null) await this.notifyPostTest(m, quiz, attempt, grade, passed);
      const now = this.clock.now();
      const scoreShown = visible(quiz.showScore, { graded: true, quizClosed: !!quiz.closesAt && quiz.closesAt <= now });
      await this.notifications.notify(m, {
        category: 'quiz-graded',
        eventKey: `quiz-graded:${attempt.id}:${attempt.gradeVersion}`,
        recipientIds: [attempt.userId],
        params: scoreShown
          ? {
              quiz: quiz.title,
              percent: attempt.percentHundredths! / 100,
              // A pre-test decides nothing: no "passed" or "not yet passed" beside its score.
              ...(quiz.role === 'pre' ? {} : { passed: passed ? 1 : 0 }),
            }
          : { quiz: quiz.title },
        link: `/kuis/percobaan/${attempt.id}`,
      });
    });
  }

  /**
   * The quiz's pass mark, grading method or role changed: each learner's standing is worked
   * out again from their attempts as they are, and lessons follow, as a grade would make them.
   * One transaction per learner (the enrolment lock is held briefly). The lesson counts as
   * done now: the instructor's change, not the old attempt, is what completed it, and JP must
   * not be dated into a year already closed. The grade itself did not change, so no
   * "grade is out" notification is sent again.
   */
  async reapply(quizId: string, userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      await this.tx.run(async (m) => {
        const quiz = await m.findOneBy(Quiz, { id: quizId });
        if (!quiz) return;
        const { grade, passed, latest, taken } = await this.standing(m, quiz, userId);
        if ((quiz.role === 'pre' && taken) || passed) {
          await this.learning.quizPassed(userId, quiz.courseId, quiz.id);
        }
        if (quiz.role === 'post' && latest && grade !== null)
          await this.notifyPostTest(m, quiz, latest, grade, passed, `settings:${quiz.updatedAt.getTime()}`);
      });
    }
  }

  /** The learner's grade by the quiz's method, whether it passes, and their newest graded attempt. */
  private async standing(m: EntityManager, quiz: Quiz, userId: string) {
    const finished = await m.find(QuizAttempt, {
      select: { id: true, status: true, percentHundredths: true, gradeVersion: true, userId: true },
      where: { quizId: quiz.id, userId, status: In(TAKEN) },
      order: { number: 'ASC' },
    });
    const grade = quizGradeOf(
      quiz.gradingMethod,
      finished.map((a) => ({
        graded: a.status === 'graded',
        percent: a.percentHundredths === null ? null : a.percentHundredths / 100,
      })),
    );
    const latest = finished.filter((a) => a.status === 'graded').pop() ?? null;
    return { grade, passed: passes(grade, quiz.passPercent), latest, taken: finished.length > 0 };
  }

  private async notifyPostTest(
    m: EntityManager,
    quiz: Quiz,
    attempt: Pick<QuizAttempt, 'id' | 'gradeVersion' | 'userId'>,
    percent: number,
    passed: boolean,
    resentFor?: string,
  ): Promise<void> {
    const { id: attemptId, gradeVersion, userId } = attempt;
    const event = { attemptId, gradeVersion, userId, courseId: quiz.courseId, quizId: quiz.id };
    await this.postTests.notify(m, { ...event, percent, passed, ...(resentFor ? { resentFor } : {}) });
  }
}
