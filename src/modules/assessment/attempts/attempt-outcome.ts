import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { LearningApi } from '../../learning/learning.api';
import { passes, quizGrade } from '../domain/attempt-score';
import { Quiz, QuizAttempt } from '../entities';

/**
 * What a final grade means for the course: passing the quiz (by its grading method)
 * completes its lessons, which may complete the course and credit JP. A pre-test counts
 * as done once taken, whatever the score: it measures the starting point.
 * Safe to run again and in any order: completion is idempotent and reads the current grades.
 */
@Injectable()
export class AttemptOutcome {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly learning: LearningApi,
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
      if (quiz.role === 'pre' || passes(grade, quiz.passPercent)) {
        await this.learning.quizPassed(attempt.userId, quiz.courseId, quiz.id);
      }
    });
  }
}
