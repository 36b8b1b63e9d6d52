import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../libs/database';
import { EmployeeType } from '../identity/domain/golongan';
import { Enrolment, ExternalActivity } from './entities';
import { Credit, writeCredit } from './ledger/credits';
import { CreditRecord, EvidenceRecord, LearnerRecords } from './ledger/learner-records';
import { LearningSettingsService } from './learning-settings.service';
import { CourseCompletedListener, CourseCompletedSubscribers } from './progress/course-completed.subscribers';
import { ExternalVerifiedListener, ExternalVerifiedSubscribers } from './progress/external-verified.subscribers';
import { QuizProgress, QuizSeat } from './progress/quiz-progress';

export type { QuizSeat } from './progress/quiz-progress';
export type { Credit } from './ledger/credits';
export type { CreditRecord, EvidenceRecord } from './ledger/learner-records';

/** A completed enrolment, as certificates and plans need it. */
export interface CompletedEnrolment {
  id: string;
  userId: string;
  courseId: string;
  versionId: string;
  regionCode: string | null;
  completedAt: Date;
}

/** A certificate the learner earned elsewhere: the evidence file of an external activity. */
export interface ExternalCertificate {
  activityId: string;
  title: string;
  organiser: string;
  endDate: string;
  jp: number;
  status: string;
  evidenceName: string;
}

/** What other modules may ask of the learning module. */
@Injectable()
export class LearningApi {
  constructor(
    private readonly settings: LearningSettingsService,
    private readonly quizzes: QuizProgress,
    private readonly tx: TransactionRunner,
    private readonly completions: CourseCompletedSubscribers,
    private readonly verifications: ExternalVerifiedSubscribers,
    private readonly records: LearnerRecords,
  ) {}

  /** Runs on every `learning.external-verified` job; must be idempotent (a job can run twice). */
  onExternalVerified(listener: ExternalVerifiedListener): void {
    this.verifications.subscribe(listener);
  }

  /** Who recorded an external activity (null when there is no such activity). */
  async externalActivityOwner(activityId: string): Promise<string | null> {
    const a = await this.tx.run((m) =>
      m.findOne(ExternalActivity, { select: { userId: true }, where: { id: activityId } }),
    );
    return a?.userId ?? null;
  }

  /** The learner's JP credits of a year, each with its course or form and competency evidence. */
  creditsOf(userId: string, year: number): Promise<CreditRecord[]> {
    return this.records.creditsOf(userId, year);
  }

  /** All competency evidence of these people (courses, verified activities, mentoring). */
  evidenceOf(userIds: string[]): Promise<EvidenceRecord[]> {
    return this.records.evidenceOf(userIds);
  }

  /** JP (tenths) earned in a year per person; people with none are absent. */
  jpTotals(userIds: string[], year: number): Promise<Map<string, number>> {
    return this.records.jpTotals(userIds, year);
  }

  /**
   * Writes a JP credit and its evidence inside the caller's transaction (mentoring sessions).
   * Idempotent per (user, source, sourceId).
   */
  recordCredit(manager: EntityManager, credit: Credit): Promise<void> {
    return writeCredit(manager, credit);
  }

  /** Runs on every `learning.course-completed` job; must be idempotent (a job can run twice). */
  onCourseCompleted(listener: CourseCompletedListener): void {
    this.completions.subscribe(listener);
  }

  /** Null unless the enrolment exists and is completed. */
  async completedEnrolment(enrolmentId: string): Promise<CompletedEnrolment | null> {
    const e = await this.tx.run((m) => m.findOneBy(Enrolment, { id: enrolmentId }));
    if (!e || e.status !== 'completed' || !e.completedAt) return null;
    const { id, userId, courseId, versionId, regionCode, completedAt } = e;
    return { id, userId, courseId, versionId, regionCode, completedAt };
  }

  /** External activities with their evidence (certificates from elsewhere), newest first. */
  async externalCertificates(userId: string): Promise<ExternalCertificate[]> {
    const rows = await this.tx.run((m) =>
      m.find(ExternalActivity, { where: { userId }, order: { endDate: 'DESC' }, take: 200 }),
    );
    return rows.map((a) => ({
      activityId: a.id,
      title: a.title,
      organiser: a.organiser,
      endDate: a.endDate,
      jp: a.jpTenths / 10,
      status: a.status,
      evidenceName: a.evidenceName,
    }));
  }

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

  /**
   * Active (not completed) enrolments whose deadline lies in [from, to), `limit` at a time
   * after `afterId` in id order: a resumable walk for deadline reminders.
   */
  async enrolmentsDueBetween(from: Date, to: Date, afterId: string | null, limit: number): Promise<DueEnrolment[]> {
    const rows = await this.tx.run((m) => {
      const query = m
        .createQueryBuilder(Enrolment, 'e')
        .select(['e.id', 'e.userId', 'e.courseId', 'e.versionId', 'e.deadline'])
        .where('e.status = :active', { active: 'active' })
        .andWhere('e.deadline >= :from AND e.deadline < :to', { from, to })
        .orderBy('e.id', 'ASC')
        .take(limit);
      if (afterId) query.andWhere('e.id > :afterId', { afterId });
      return query.getMany();
    });
    return rows.map((e) => ({ ...e, deadline: e.deadline! }));
  }
}

/** An enrolment with a deadline coming up, as reminders need it. */
export interface DueEnrolment {
  id: string;
  userId: string;
  courseId: string;
  versionId: string;
  deadline: Date;
}
