import { Injectable } from '@nestjs/common';
import { EmployeeType } from '../identity/domain/golongan';
import { LearningSettingsService } from './learning-settings.service';
import { QuizProgress, QuizSeat } from './progress/quiz-progress';

export type { QuizSeat } from './progress/quiz-progress';

/** What other modules may ask of the learning module. */
@Injectable()
export class LearningApi {
  constructor(
    private readonly settings: LearningSettingsService,
    private readonly quizzes: QuizProgress,
  ) {}

  yearlyTarget(employeeType: EmployeeType, year: number): Promise<number | null> {
    return this.settings.yearlyTarget(employeeType, year);
  }

  /** The learner's place for a quiz, null when they may not take it; LESSON_LOCKED when not reached yet. */
  quizSeat(userId: string, courseId: string, quizId: string): Promise<QuizSeat | null> {
    return this.quizzes.seat(userId, courseId, quizId);
  }

  /** Completes the quiz's lessons (idempotent); true when this completed the course. */
  quizPassed(userId: string, courseId: string, quizId: string): Promise<boolean> {
    return this.quizzes.passed(userId, courseId, quizId);
  }
}
