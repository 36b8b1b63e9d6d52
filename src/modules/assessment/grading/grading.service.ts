import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { forUpdateOn, TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { IdentityApi } from '../../identity/identity.api';
import { AssessmentError } from '../assessment.errors';
import { snapshotOf } from '../attempts/attempt-store';
import { correctResponse, ShownChoices, shownChoices } from '../attempts/attempt.view';
import { Grader } from '../attempts/grader';
import { SlotMark, totals } from '../domain/attempt-score';
import { Response } from '../domain/grading';
import { MarkSlotDto } from '../dto/attempt.dto';
import { GradeChange, Quiz, QuizAttempt } from '../entities';

export interface GradingListItem {
  attemptId: string;
  quizId: string;
  quizTitle: string;
  userId: string;
  learnerName: string;
  number: number;
  status: QuizAttempt['status'];
  submittedAt: string | null;
  percent: number | null;
  gradingError: string | null;
}

/** The whole of an attempt, for its course's instructors: answers, key, marks and the audit. */
export interface GradingAttemptView {
  id: string;
  quizId: string;
  userId: string;
  learnerName: string;
  number: number;
  status: QuizAttempt['status'];
  submittedAt: string | null;
  score: number | null;
  max: number;
  percent: number | null;
  gradingError: string | null;
  /**
   * Each question with the texts the attempt showed, by the ids it gave them (ShownChoices),
   * so that responses and the key, which name ids, can be read.
   */
  questions: Array<
    ShownChoices & {
      slot: number;
      type: string;
      stem: string;
      points: number;
      response: Response | null;
      correctResponse: unknown;
      rubric: Array<{ criterion: string; points: number }> | null;
      scored: number | null;
      comment: string | null;
      /**
       * The mark as this view read it: sent back with a mark, it refuses the change if someone
       * else changed the mark in between (a colleague, a regrade), instead of silently overwriting.
       */
      markVersion: string;
    }
  >;
  history: Array<{
    kind: GradeChange['kind'];
    slot: number | null;
    /** Who gave or changed the grade (for a regrade, who asked for it); null if not recorded. */
    byUserId: string | null;
    byName: string | null;
    /** The person's reason; a regrade has none of its own, but its run's id. */
    reason: string | null;
    regradeId: string | null;
    before: number | null;
    after: number | null;
    at: string;
  }>;
}

export type GradingFilter = PageQuery & { status?: QuizAttempt['status'] };

/** Instructors' side of grading: the queue, essays, overrides (audited) and replays of failed gradings. */
@Injectable()
export class GradingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly grader: Grader,
    private readonly outbox: OutboxService,
    private readonly identity: IdentityApi,
  ) {}

  /** Attempts of a course's quizzes by status (awaiting_manual first is the grading queue). */
  async list(courseId: string, filter: GradingFilter): Promise<Page<GradingListItem>> {
    const where = {
      courseId,
      ...(filter.status
        ? { status: filter.status }
        : { status: In(['awaiting_manual', 'failed', 'graded', 'submitted']) }),
    };
    // Counted apart: with `select`, TypeORM counts distinct selected values joined together, and
    // a NULL among them (the percent of an essay not graded yet) made every such row count as none.
    const [rows, total] = await this.tx.run(
      async (m) =>
        [
          await m.find(QuizAttempt, {
            select: {
              id: true,
              quizId: true,
              userId: true,
              number: true,
              status: true,
              submittedAt: true,
              percentHundredths: true,
              gradingError: true,
            },
            where,
            order: { submittedAt: 'ASC', id: 'ASC' },
            skip: skipOf(filter),
            take: filter.pageSize,
          }),
          await m.count(QuizAttempt, { where }),
        ] as const,
    );
    const quizzes = await this.tx.run((m) => m.findBy(Quiz, { id: In([...new Set(rows.map((r) => r.quizId))]) }));
    const titles = new Map(quizzes.map((q) => [q.id, q.title]));
    const names = await this.names(rows.map((r) => r.userId));
    return toPage(
      rows.map((r) => ({
        attemptId: r.id,
        quizId: r.quizId,
        quizTitle: titles.get(r.quizId) ?? '',
        userId: r.userId,
        learnerName: names.get(r.userId) ?? '',
        number: r.number,
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        percent: r.percentHundredths === null ? null : r.percentHundredths / 100,
        gradingError: r.gradingError,
      })),
      total,
      filter,
    );
  }

  async attempt(courseId: string, attemptId: string): Promise<GradingAttemptView> {
    const attempt = await this.find(courseId, attemptId);
    const marks = marksOf(attempt);
    const responses = JSON.parse(attempt.responsesJson) as Record<string, Response>;
    const history = await this.tx.run((m) => m.find(GradeChange, { where: { attemptId }, order: { at: 'ASC' } }));
    const names = await this.names([attempt.userId, ...history.flatMap((h) => (h.byUserId ? [h.byUserId] : []))]);
    return {
      id: attempt.id,
      quizId: attempt.quizId,
      userId: attempt.userId,
      learnerName: names.get(attempt.userId) ?? '',
      number: attempt.number,
      status: attempt.status,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      score: attempt.scoreHundredths === null ? null : attempt.scoreHundredths / 100,
      max: attempt.maxHundredths / 100,
      percent: attempt.percentHundredths === null ? null : attempt.percentHundredths / 100,
      gradingError: attempt.gradingError,
      questions: snapshotOf(attempt).map((q) => {
        const mark = marks[String(q.slot)];
        return {
          slot: q.slot,
          type: q.type,
          stem: q.stem,
          points: q.points,
          ...shownChoices(q.content),
          response: responses[String(q.slot)] ?? null,
          correctResponse: correctResponse(q.key),
          rubric: q.key.type === 'essay' ? q.key.rubric : null,
          scored: mark?.scored === null || mark === undefined ? null : mark.scored / 100,
          comment: mark?.comment ?? null,
          markVersion: markVersionOf(mark),
        };
      }),
      history: history.map((h) => ({
        kind: h.kind,
        slot: h.slot,
        byUserId: h.byUserId,
        byName: h.byUserId ? (names.get(h.byUserId) ?? null) : null,
        reason: h.reason,
        regradeId: h.regradeId,
        before: h.beforeHundredths === null ? null : h.beforeHundredths / 100,
        after: h.afterHundredths === null ? null : h.afterHundredths / 100,
        at: h.at.toISOString(),
      })),
    };
  }

  /**
   * Marks one question: an essay waiting for a person, or an override of any mark with a
   * reason. Either way the change is audited, and once nothing is left to grade the
   * attempt is final and its graded event goes out.
   */
  async mark(
    user: AuthUser,
    courseId: string,
    attemptId: string,
    slot: number,
    dto: MarkSlotDto,
  ): Promise<GradingAttemptView> {
    await this.tx.run(async (m) => {
      // Locked: two instructors marking two essays of one attempt at once would otherwise both
      // start from the same marks, and the second write would find its version gone.
      const attempt = await m.findOne(QuizAttempt, { where: { id: attemptId, courseId }, ...forUpdateOn(m) });
      if (!attempt) throw notFound();
      // An instructor who took their own course's quiz is marked by a colleague, as an admin's
      // own request or activity is decided by another admin.
      if (attempt.userId === user.id) {
        throw new DomainException(AssessmentError.ATTEMPT_OWN, 'Your own attempt is marked by another instructor');
      }
      if (attempt.status !== 'awaiting_manual' && attempt.status !== 'graded') {
        throw new DomainException(AssessmentError.NOT_GRADABLE, 'The attempt has not been graded yet');
      }
      const question = snapshotOf(attempt).find((q) => q.slot === slot);
      if (!question) throw new DomainException(AssessmentError.ATTEMPT_NOT_FOUND, 'No such question in the attempt');
      const marks = marksOf(attempt);
      const before = marks[String(slot)];
      const max = Math.round(question.points * 100);
      const points = Math.round(dto.points * 100);
      if (dto.markVersion !== undefined && dto.markVersion !== markVersionOf(before)) {
        // The same form sent twice finds its own mark: nothing left to do.
        if (before?.scored === points && (before.comment ?? '') === (dto.comment?.trim() ?? '')) return;
        throw new DomainException(AssessmentError.MARK_CHANGED, MARK_CHANGED);
      }
      const problems = [];
      if (points > max)
        problems.push({ field: 'points', rule: 'max', message: `points must be at most ${question.points} points` });
      const pendingEssay = before?.scored === null;
      if (!pendingEssay && !dto.reason?.trim()) {
        problems.push({ field: 'reason', rule: 'required', message: 'changing a grade already given needs a reason' });
      }
      if (problems.length)
        // What the grader can fix in the form (422), not a conflict with someone else (409).
        throw new DomainException(AssessmentError.MARK_INVALID, 'The mark cannot be given', { fields: problems });
      const next: Record<string, SlotMark> = {
        ...marks,
        [String(slot)]: { scored: points, max, comment: dto.comment?.trim() ?? '' },
      };
      if (!(await this.grader.record(m, attempt, totals(next), attempt.status))) {
        throw new DomainException(
          AssessmentError.NOT_GRADABLE,
          'The attempt changed meanwhile; reload it and mark again',
        );
      }
      await m.insert(GradeChange, {
        id: newId(),
        attemptId,
        kind: pendingEssay ? 'essay' : 'override',
        slot,
        byUserId: user.id,
        reason: dto.reason?.trim() || null,
        beforeHundredths: before?.scored ?? null,
        afterHundredths: points,
        at: this.clock.now(),
      });
    });
    return this.attempt(courseId, attemptId);
  }

  /** Grades a failed attempt again (after the cause was fixed). */
  async replay(user: AuthUser, courseId: string, attemptId: string): Promise<GradingAttemptView> {
    await this.tx.run(async (m) => {
      const attempt = await m.findOneBy(QuizAttempt, { id: attemptId, courseId });
      if (!attempt) throw notFound();
      if (attempt.status !== 'failed')
        throw new DomainException(AssessmentError.NOT_GRADABLE, 'Only a failed grading can be replayed');
      await this.requeue(m, attempt);
    });
    return this.attempt(courseId, attemptId);
  }

  private async requeue(m: EntityManager, attempt: QuizAttempt): Promise<void> {
    const won = await m.update(
      QuizAttempt,
      { id: attempt.id, status: 'failed', gradeVersion: attempt.gradeVersion },
      { status: 'submitted', gradeVersion: attempt.gradeVersion + 1, updatedAt: this.clock.now() },
    );
    if (won.affected !== 1) return;
    await this.outbox.enqueue(
      m,
      'assessment.grade-attempt',
      { attemptId: attempt.id },
      { jobId: `${attempt.id}:replay:${attempt.gradeVersion + 1}` },
    );
  }

  /** 404 unless the quiz is the course's. */
  async quizOf(courseId: string, quizId: string): Promise<Quiz> {
    const quiz = await this.tx.run((m) => m.findOneBy(Quiz, { id: quizId, courseId }));
    if (!quiz) throw new DomainException(AssessmentError.QUIZ_NOT_FOUND, 'No such quiz in this course');
    return quiz;
  }

  private async find(courseId: string, attemptId: string): Promise<QuizAttempt> {
    const attempt = await this.tx.run((m) => m.findOneBy(QuizAttempt, { id: attemptId, courseId }));
    if (!attempt) throw notFound();
    return attempt;
  }

  private async names(userIds: string[]): Promise<Map<string, string>> {
    const people = await this.identity.namesOf([...new Set(userIds)]);
    return new Map([...people].map(([id, p]) => [id, p.name]));
  }
}

/** A short fingerprint of a mark as given (points, maximum, comment): what a grader saw of it. */
export function markVersionOf(mark: SlotMark | undefined): string {
  const seen = JSON.stringify([mark?.scored ?? null, mark?.max ?? null, mark?.comment ?? '']);
  return createHash('sha256').update(seen).digest('hex').slice(0, 16);
}

const MARK_CHANGED = 'This mark was just changed by someone else; reload the page';

export function marksOf(attempt: QuizAttempt): Record<string, SlotMark> {
  return attempt.marksJson ? (JSON.parse(attempt.marksJson) as Record<string, SlotMark>) : {};
}

const notFound = () => new DomainException(AssessmentError.ATTEMPT_NOT_FOUND, 'No such attempt in this course');
