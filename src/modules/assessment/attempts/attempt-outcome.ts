import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { LearningApi } from '../../learning/learning.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { FINISHED_STATUSES, finishedAttempt, passes, quizGradeOf } from '../domain/attempt-score';
import { visible } from '../domain/review-policy';
import { AttemptStatus, Quiz, QuizAttempt } from '../entities';
import { PostTestSubscribers } from './post-test-subscribers';

/** Attempts the learner has handed in, whatever became of their grading. */
const TAKEN: AttemptStatus[] = [...FINISHED_STATUSES];

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
   * out under the settings before the change and as they are now, and only a learner whose
   * grade or pass result changed is acted on: a lesson they now complete, a post-test event
   * with the new grade. A pass mark lowered from 70 to 65 touches the learner at 67, not the
   * one at 90 (on a national course each event costs a plan refresh and a learning-gain
   * recompute). Without `before` (a job queued before it was sent) every learner counts as
   * changed. One transaction per learner (the enrolment lock is held briefly). The lesson
   * counts as done now: the instructor's change, not the old attempt, is what completed it,
   * and JP must not be dated into a year already closed. The grade itself did not change, so
   * no "grade is out" notification is sent again.
   */
  async reapply(quizId: string, userIds: string[], before?: OutcomeSettings): Promise<void> {
    for (const userId of userIds) {
      await this.tx.run(async (m) => {
        const quiz = await m.findOneBy(Quiz, { id: quizId });
        if (!quiz) return;
        const finished = await this.finished(m, quiz, userId);
        const now = standingOf(quiz, finished);
        const was = before ? standingOf(before, finished) : null;
        if (completes(quiz, now) && !(was && completes(before!, was))) {
          await this.learning.quizPassed(userId, quiz.courseId, quiz.id);
        }
        const changed = !was || before!.role !== 'post' || was.grade !== now.grade || was.passed !== now.passed;
        if (quiz.role === 'post' && now.latest && now.grade !== null && changed)
          await this.notifyPostTest(m, quiz, now.latest, now.grade, now.passed, `settings:${quiz.updatedAt.getTime()}`);
      });
    }
  }

  /** The learner's grade by the quiz's method, whether it passes, and their newest graded attempt. */
  private async standing(m: EntityManager, quiz: Quiz, userId: string) {
    return standingOf(quiz, await this.finished(m, quiz, userId));
  }

  /** The learner's finished attempts of the quiz, in attempt order. */
  private finished(m: EntityManager, quiz: Quiz, userId: string): Promise<FinishedRow[]> {
    return m.find(QuizAttempt, {
      select: { id: true, status: true, percentHundredths: true, gradeVersion: true, userId: true },
      where: { quizId: quiz.id, userId, status: In(TAKEN) },
      order: { number: 'ASC' },
    });
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

/** What decides a learner's outcome: the quiz's settings a change is compared on. */
export type OutcomeSettings = Pick<Quiz, 'passPercent' | 'gradingMethod' | 'role'>;

type FinishedRow = Pick<QuizAttempt, 'id' | 'status' | 'percentHundredths' | 'gradeVersion' | 'userId'>;

/** A learner's grade, pass and newest graded attempt under these settings. */
function standingOf(settings: OutcomeSettings, finished: FinishedRow[]) {
  const grade = quizGradeOf(settings.gradingMethod, finished.map(finishedAttempt));
  const latest = finished.filter((a) => a.status === 'graded').pop() ?? null;
  return { grade, passed: passes(grade, settings.passPercent), latest, taken: finished.length > 0 };
}

/** Does the quiz count as done for the course: a pre-test once taken, any other once passed. */
function completes(settings: OutcomeSettings, standing: ReturnType<typeof standingOf>): boolean {
  return (settings.role === 'pre' && standing.taken) || standing.passed;
}
