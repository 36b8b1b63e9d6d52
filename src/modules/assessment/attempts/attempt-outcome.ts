import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { LearningApi } from '../../learning/learning.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { passes, quizGrade } from '../domain/attempt-score';
import { visible } from '../domain/review-policy';
import { Quiz, QuizAttempt } from '../entities';
import { PostTestSubscribers } from './post-test-subscribers';

/**
 * What a final grade means for the course: passing the quiz (by its grading method)
 * completes its lessons, which may complete the course and credit JP. A pre-test counts
 * as done once taken, whatever the score: it measures the starting point.
 * Safe to run again and in any order: completion is idempotent and reads the current grades.
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
      if (!attempt || attempt.status !== 'graded') return;
      const quiz = await m.findOneBy(Quiz, { id: attempt.quizId });
      if (!quiz) return;
      const finals = await m.find(QuizAttempt, {
        select: { percentHundredths: true },
        where: { quizId: quiz.id, userId: attempt.userId, status: 'graded' },
        order: { number: 'ASC' },
      });
      const grade = quizGrade(
        quiz.gradingMethod,
        finals.map((a) => a.percentHundredths! / 100),
      );
      const passed = passes(grade, quiz.passPercent);
      if (quiz.role === 'pre' || passed) {
        // Done when it was submitted: an essay marked after New Year still counts for the old year.
        await this.learning.quizPassed(attempt.userId, quiz.courseId, quiz.id, attempt.submittedAt ?? undefined);
      }
      if (quiz.role === 'post') {
        const { id: attemptId, gradeVersion, userId } = attempt;
        const event = { attemptId, gradeVersion, userId, courseId: quiz.courseId, quizId: quiz.id };
        await this.postTests.notify(m, { ...event, percent: grade ?? 0, passed });
      }
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
}
