import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { lockedLessonIds } from '../../catalog/catalog.api';
import { Enrolment, isLearning, LessonProgress } from '../entities';
import { LearningError } from '../learning.errors';
import { CompletionRecorder } from './completion-recorder';
import { VersionFacts } from './version-facts';

/** Where a quiz sits in a learner's course: the enrolment and the quiz lessons of their version. */
export interface QuizSeat {
  enrolmentId: string;
  versionId: string;
  lessonIds: string[];
}

/**
 * The learning side of quizzes: whether a learner may take a quiz (enrolled, the quiz is
 * in their version, its lesson not locked), and completing its lessons once it is passed.
 * The assessment module calls these; learning never depends on assessment.
 */
@Injectable()
export class QuizProgress {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly facts: VersionFacts,
    private readonly recorder: CompletionRecorder,
  ) {}

  /** Null when the learner is not (yet) in the course or their version does not present the quiz. */
  async seat(userId: string, courseId: string, quizId: string): Promise<QuizSeat | null> {
    const place = await this.quizLessons(userId, courseId, quizId);
    if (!place || place.lessons.length === 0) return null;
    const { enrolment, facts, lessons } = place;
    const done = await this.tx.run((m) =>
      m.find(LessonProgress, {
        select: { lessonId: true },
        where: { userId, versionId: enrolment.versionId, completedAt: Not(IsNull()) },
      }),
    );
    const locked = lockedLessonIds(facts.lessons, new Set(done.map((d) => d.lessonId)), facts.inOrder);
    if (lessons.every((l) => locked.has(l.id))) {
      throw new DomainException(LearningError.LESSON_LOCKED, 'Finish the lessons before this quiz first');
    }
    return { enrolmentId: enrolment.id, versionId: enrolment.versionId, lessonIds: lessons.map((l) => l.id) };
  }

  /**
   * Completes the quiz's lessons for a learner who passed it (or finished a pre-test).
   * Idempotent and order-free like every completion; true when this completed the course.
   */
  /** `doneAt`: when the passing attempt was submitted (its grade may come days later). */
  async passed(userId: string, courseId: string, quizId: string, doneAt?: Date): Promise<boolean> {
    const place = await this.quizLessons(userId, courseId, quizId);
    let courseCompleted = false;
    for (const lesson of place?.lessons ?? []) {
      const outcome = await this.recorder.completeLesson(place!.enrolment.id, lesson.id, doneAt);
      courseCompleted ||= outcome.courseNewlyCompleted;
    }
    return courseCompleted;
  }

  /** The learner's enrolment (when they may learn), its version's facts and the lessons presenting the quiz. */
  private async quizLessons(userId: string, courseId: string, quizId: string) {
    const enrolment = await this.tx.run((m) => m.findOneBy(Enrolment, { userId, courseId }));
    if (!enrolment || !isLearning(enrolment)) return null;
    const facts = await this.facts.of(enrolment.versionId);
    if (!facts) return null;
    return { enrolment, facts, lessons: facts.lessons.filter((l) => l.quizId === quizId) };
  }
}
