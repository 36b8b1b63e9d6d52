import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../libs/database';
import { EmployeeType } from '../identity/domain/golongan';
import { DevelopmentForm, Enrolment, EnrolmentStatus, ExternalActivity } from './entities';
import { Credit, CreditsChanged, CreditsChangedSubscribers, CreditWriter, EvidenceOnly } from './ledger/credits';
import { JpYear, JpYears } from './ledger/jp-years';
import { BestLevel, CreditRecord, EvidenceRecord, LearnerRecords } from './ledger/learner-records';
import { JpTargetsChanged, JpTargetsChangedSubscribers, LearningSettingsService } from './learning-settings.service';
import { CourseCompletedListener, CourseCompletedSubscribers } from './progress/course-completed.subscribers';
import { ExternalVerifiedListener, ExternalVerifiedSubscribers } from './progress/external-verified.subscribers';
import { QuizProgress, QuizSeat } from './progress/quiz-progress';
import { InTxListener } from '../../../libs/queue';
import { EnrolmentChanges, EnrolmentPlace } from './enrolment/enrolment-changes';
import { EnrolmentCount, EnrolmentCounts } from './enrolment/enrolment-counts';

export type { QuizSeat } from './progress/quiz-progress';
export type { Credit, CreditsChanged, EvidenceOnly } from './ledger/credits';
export type { JpYear } from './ledger/jp-years';
export type { BestLevel, CreditRecord, EvidenceRecord } from './ledger/learner-records';
export type { EnrolmentPlace } from './enrolment/enrolment-changes';
export type { EnrolmentCount, EnrolmentPlaceTotals } from './enrolment/enrolment-counts';

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

/** A development form's JP rule, as another module applies it (mentoring sessions). */
export type FormJpRule = Pick<
  DevelopmentForm,
  'code' | 'name' | 'rule' | 'jpPerDay' | 'jpPerDayInternational' | 'internationalBonusPercent'
>;

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
    private readonly credits: CreditWriter,
    private readonly creditsChanged: CreditsChangedSubscribers,
    private readonly jpYears: JpYears,
    private readonly enrolmentChanges: EnrolmentChanges,
    private readonly enrolmentCounts: EnrolmentCounts,
    private readonly targetsChanged: JpTargetsChangedSubscribers,
  ) {}

  /** Called in the settings transaction when yearly JP targets are set or changed. */
  onJpTargetsChanged(listener: InTxListener<JpTargetsChanged>): void {
    this.targetsChanged.subscribe(listener);
  }

  /**
   * Called in the producer's transaction whenever enrolments are inserted or their status,
   * assignment or deadline change, with the places (course, assignment, unit) they count in.
   */
  onEnrolmentsChanged(listener: InTxListener<EnrolmentPlace[]>): void {
    this.enrolmentChanges.subscribe(listener);
  }

  /** Enrolments of one course, assignment ('' = self) and unit ('' = none) by status and deadline day. */
  enrolmentCountsOf(courseId: string, assignmentKey: string, unitKey: string): Promise<EnrolmentCount[]> {
    return this.enrolmentCounts.of(courseId, assignmentKey, unitKey);
  }

  /** The totals of every (course, unit, assignment) of the next `courses` courses after a cursor. */
  enrolmentPlacesAfter(afterCourseId: string | null, courses: number) {
    return this.enrolmentCounts.placesAfter(afterCourseId, courses);
  }

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

  /** The best level per person and competency of their evidence (people without any are absent). */
  bestEvidenceLevelsOf(userIds: string[]): Promise<BestLevel[]> {
    return this.records.bestLevelsOf(userIds);
  }

  /** The same for everyone whose id is in (afterUserId, upToUserId] (null: from the start, to the end). */
  bestEvidenceLevelsBetween(afterUserId: string | null, upToUserId: string | null): Promise<BestLevel[]> {
    return this.records.bestLevelsBetween(afterUserId, upToUserId);
  }

  /** JP (tenths) earned in a year per person; people with none are absent. */
  jpTotals(userIds: string[], year: number): Promise<Map<string, number>> {
    return this.records.jpTotals(userIds, year);
  }

  /**
   * Per time range, over these people's JP credits: how many of them earned any, how many
   * credits (completed courses, verified external activities, mentoring sessions), how many
   * of those were courses, and the JP (tenths). Ranges without credits are absent. One
   * grouped query per 1,000 people (the public-satisfaction report of a unit's staff).
   */
  async creditTotalsBetween(
    userIds: string[],
    ranges: Array<{ key: string; from: Date; to: Date }>,
  ): Promise<Map<string, { people: number; credits: number; courses: number; jpTenths: number }>> {
    const out = new Map<string, { people: number; credits: number; courses: number; jpTenths: number }>();
    if (userIds.length === 0 || ranges.length === 0) return out;
    const params: Record<string, Date> = {};
    const whens = ranges.map((r, i) => {
      Object.assign(params, { [`rangeFrom${i}`]: r.from, [`rangeTo${i}`]: r.to });
      return `WHEN l.earned_at >= :rangeFrom${i} AND l.earned_at < :rangeTo${i} THEN ${i}`;
    });
    const rangeStart = new Date(Math.min(...ranges.map((r) => r.from.getTime())));
    const rangeEnd = new Date(Math.max(...ranges.map((r) => r.to.getTime())));
    for (let start = 0; start < userIds.length; start += 1000) {
      const rows = await this.tx.run((m) =>
        m
          .createQueryBuilder()
          .from('jp_ledger_entry', 'l')
          .select(`CASE ${whens.join(' ')} END`, 'bucket')
          .addSelect('COUNT(DISTINCT l.user_id)', 'people')
          .addSelect('COUNT(*)', 'credits')
          .addSelect("SUM(CASE WHEN l.source = 'course' THEN 1 ELSE 0 END)", 'courses')
          .addSelect('SUM(l.jp_tenths)', 'jpTenths')
          .where('l.user_id IN (:...ids)', { ids: userIds.slice(start, start + 1000) })
          .andWhere('l.earned_at >= :rangeStart AND l.earned_at < :rangeEnd', { rangeStart, rangeEnd })
          .setParameters(params)
          .groupBy('bucket')
          .getRawMany<Record<string, string | number | null>>(),
      );
      for (const row of rows) {
        if (row.bucket === null) continue;
        const key = ranges[Number(row.bucket)].key;
        const sum = out.get(key) ?? { people: 0, credits: 0, courses: 0, jpTenths: 0 };
        sum.people += Number(row.people);
        sum.credits += Number(row.credits);
        sum.courses += Number(row.courses);
        sum.jpTenths += Number(row.jpTenths);
        out.set(key, sum);
      }
    }
    return out;
  }

  /**
   * Writes a JP credit and its evidence inside the caller's transaction (mentoring sessions).
   * Idempotent per (user, source, sourceId).
   */
  recordCredit(manager: EntityManager, credit: Credit): Promise<void> {
    return this.credits.credit(manager, credit);
  }

  /**
   * Called in the writer's transaction whenever JP credits or competency evidence of a
   * person are written (course completed, external activity verified, mentoring).
   */
  onCreditsChanged(listener: InTxListener<CreditsChanged>): void {
    this.creditsChanged.subscribe(listener);
  }

  /**
   * Per person and ledger year: JP (tenths), the yearly target of their employee type and
   * the WIB month the running total first reached it. One ledger query for the whole call;
   * joins the caller's transaction.
   */
  jpYearsOf(people: Array<{ userId: string; employeeType: EmployeeType }>, years: number[]): Promise<JpYear[]> {
    return this.jpYears.of(people, years);
  }

  /** The active development form with this code and its JP rule, or null (mentoring sessions). */
  async developmentForm(code: string): Promise<FormJpRule | null> {
    const form = await this.tx.run((m) => m.findOneBy(DevelopmentForm, { code }));
    if (!form || !form.active) return null;
    const { name, rule, jpPerDay, jpPerDayInternational, internationalBonusPercent } = form;
    return { code, name, rule, jpPerDay, jpPerDayInternational, internationalBonusPercent };
  }

  /** Minutes of learning that make one JP (a national setting, 45 by default). */
  async minutesPerJp(): Promise<number> {
    return (await this.settings.get()).minutesPerJp;
  }

  /** Writes competency evidence without a JP credit, in the caller's transaction; idempotent per source. */
  recordEvidence(manager: EntityManager, evidence: EvidenceOnly): Promise<void> {
    return this.credits.evidence(manager, evidence);
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

  /** Every form of development with its category and JP rule (what a plan may suggest besides courses). */
  async developmentForms(): Promise<DevelopmentFormSummary[]> {
    const forms = await this.tx.run((m) => m.find(DevelopmentForm, { order: { category: 'ASC', code: 'ASC' } }));
    return forms.map(({ code, name, category, rule, jpPerDay, active }) => ({
      code,
      name,
      category,
      rule,
      jpPerDay,
      active,
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
  quizPassed(userId: string, courseId: string, quizId: string, doneAt?: Date): Promise<boolean> {
    return this.quizzes.passed(userId, courseId, quizId, doneAt);
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

  /**
   * The enrolments of a course in some units or everywhere, with these
   * statuses (and, for overdue ones, a deadline before an instant): the people behind a
   * monitoring number. In id order, by offset (pages) or after an id (walks and later
   * pages), or backwards before an id (earlier pages); the number itself comes from
   * monitoring's node rows. Reads the (course, unit, assignment, status, deadline) and
   * (course, status) indexes.
   */
  async courseEnrolments(query: CourseEnrolmentQuery): Promise<{ items: CourseEnrolmentRow[] }> {
    return this.tx.run(async (m) => {
      const qb = m.createQueryBuilder(Enrolment, 'e').where('e.status IN (:...statuses)', { statuses: query.statuses });
      if (query.courseId) qb.andWhere('e.courseId = :courseId', { courseId: query.courseId });
      if (query.unitIds) qb.andWhere('e.unitId IN (:...unitIds)', { unitIds: query.unitIds });
      if (query.assignmentKey === '') qb.andWhere('e.assignmentId IS NULL');
      else if (query.assignmentKey)
        qb.andWhere('e.assignmentId = :assignmentId', { assignmentId: query.assignmentKey });
      if (query.deadlineBefore) qb.andWhere('e.deadline < :deadlineBefore', { deadlineBefore: query.deadlineBefore });
      if (query.deadlineFrom) {
        qb.andWhere('(e.deadline IS NULL OR e.deadline >= :deadlineFrom)', { deadlineFrom: query.deadlineFrom });
      }
      qb.select(['e.id', 'e.userId', 'e.courseId', 'e.unitId', 'e.status', 'e.deadline', 'e.completedAt'])
        .orderBy('e.id', query.beforeId ? 'DESC' : 'ASC')
        .take(query.limit);
      if (query.afterId) qb.andWhere('e.id > :afterId', { afterId: query.afterId });
      else if (query.beforeId) qb.andWhere('e.id < :beforeId', { beforeId: query.beforeId });
      else if (query.offset) qb.skip(query.offset);
      const rows = await qb.getMany();
      return {
        items: rows.map((e) => ({
          id: e.id,
          userId: e.userId,
          courseId: e.courseId,
          unitId: e.unitId,
          status: e.status,
          deadline: e.deadline,
          completedAt: e.completedAt,
        })),
      };
    });
  }
}

/** Which enrolments of a course to list (see LearningApi.courseEnrolments). */
export interface CourseEnrolmentQuery {
  /** null: every course (the node's headline numbers). */
  courseId: string | null;
  /** null: everywhere (learners without a unit too); else the enrolments of these units (not empty). */
  unitIds: string[] | null;
  /** undefined: every assignment and self-enrolment; '': self-enrolments only; else that assignment. */
  assignmentKey?: string;
  statuses: EnrolmentStatus[];
  deadlineBefore?: Date;
  /** Without a deadline or with one at or after this instant (in progress, not overdue). */
  deadlineFrom?: Date;
  offset?: number;
  afterId?: string | null;
  /** The enrolments just before this id, nearest first (id descending): a page before a page. */
  beforeId?: string;
  limit: number;
}

export interface CourseEnrolmentRow {
  id: string;
  userId: string;
  courseId: string;
  unitId: string | null;
  status: EnrolmentStatus;
  deadline: Date | null;
  completedAt: Date | null;
}

/** A form of development as plans suggest it: its name, category and how its JP are counted. */
export interface DevelopmentFormSummary {
  code: string;
  name: string;
  category: 'klasikal' | 'nonklasikal';
  rule: 'programme' | 'per_day';
  jpPerDay: number | null;
  active: boolean;
}

/** An enrolment with a deadline coming up, as reminders need it. */
export interface DueEnrolment {
  id: string;
  userId: string;
  courseId: string;
  versionId: string;
  deadline: Date;
}
