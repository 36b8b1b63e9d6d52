import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../libs/common';
import { isDuplicateKey, TransactionRunner } from '../../../../libs/database';
import { LearningApi } from '../../learning/learning.api';
import { AssessmentError } from '../assessment.errors';
import { finishedAttempt, quizGradeOf } from '../domain/attempt-score';
import { BankQuestion, buildSnapshot, NotEnoughQuestions, WithdrawnQuestion } from '../domain/snapshot';
import { Question, Quiz, QuizAttempt } from '../entities';
import { questionCountOf, quizSchedule, slotsOf } from '../quizzes/quiz.view';
import { AttemptStore, frozenColumns, snapshotOf } from './attempt-store';
import { AttemptView, learnerAttemptView } from './attempt.view';
import { mergeResponses, SubmitReceipt } from './responses';
import { Submissions } from './submissions';
import { AttemptDeadlines, dueAtOf } from './attempt-deadlines';

/** What a learner sees of a quiz before and between attempts. */
export interface QuizIntro {
  id: string;
  courseId: string;
  title: string;
  instructions: string | null;
  questionCount: number;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  attemptsAllowed: number | null;
  attemptsUsed: number;
  gradingMethod: Quiz['gradingMethod'];
  passPercent: number;
  role: Quiz['role'];
  /** The learner's grade by the grading method, when the policy shows scores. */
  grade: number | null;
  passed: boolean | null;
  inProgressAttemptId: string | null;
  /** Whether an attempt can be started now, by the rule starting checks. */
  windowState: QuizWindow;
  attempts: Array<{ id: string; number: number; status: AttemptView['status']; percent: number | null }>;
  serverNow: string;
}

/** Where the server's clock stands against the quiz's start window. */
export type QuizWindow = 'not_open' | 'open' | 'closed';

const random = () => randomInt(0, 2 ** 32) / 2 ** 32;

/** Why a quiz whose questions were withdrawn cannot be started: stable, so pages can word it. */
export const QUIZ_BEING_FIXED =
  'The quiz cannot be started yet: some of its questions were withdrawn and the instructor is fixing it';

/** A learner taking a quiz: start (or resume), autosave, submit, and see the outcome. */
@Injectable()
export class AttemptsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly learning: LearningApi,
    private readonly store: AttemptStore,
    private readonly submissions: Submissions,
    private readonly deadlines: AttemptDeadlines,
  ) {}

  async intro(user: AuthUser, quizId: string): Promise<QuizIntro> {
    const quiz = await this.takeable(user, quizId);
    const attempts = await this.tx.run((m) =>
      m.find(QuizAttempt, {
        select: { id: true, number: true, status: true, percentHundredths: true },
        where: { quizId, userId: user.id },
        order: { number: 'ASC' },
      }),
    );
    const now = this.clock.now();
    const showScore = quiz.showScore === 'after_grading' || (quiz.showScore === 'after_close' && closed(quiz, now));
    const finished = attempts.filter((a) => a.status !== 'in_progress').map(finishedAttempt);
    // "Last" while the newest attempt is still being marked: no grade yet (null), not the one before.
    const grade = showScore ? quizGradeOf(quiz.gradingMethod, finished) : null;
    return {
      id: quiz.id,
      courseId: quiz.courseId,
      title: quiz.title,
      instructions: quiz.instructions,
      questionCount: questionCountOf(slotsOf(quiz)),
      ...quizSchedule(quiz),
      attemptsUsed: attempts.length,
      grade,
      passed: grade === null ? null : grade + 1e-9 >= quiz.passPercent,
      inProgressAttemptId: attempts.find((a) => a.status === 'in_progress')?.id ?? null,
      windowState: windowOf(quiz, now),
      attempts: attempts.map((a) => ({
        id: a.id,
        number: a.number,
        status: a.status === 'failed' ? 'submitted' : a.status,
        percent: showScore && a.status === 'graded' ? a.percentHundredths! / 100 : null,
      })),
      serverNow: now.toISOString(),
    };
  }

  /**
   * Starts an attempt, or returns the one in progress: a double tap, a retry over a bad
   * connection or two tabs all land on the same attempt. Attempt numbers are unique per
   * learner and quiz, so racing starts cannot exceed the allowance; the loser of the race
   * reads the winner's attempt.
   */
  async start(user: AuthUser, quizId: string): Promise<AttemptView> {
    const quiz = await this.takeable(user, quizId);
    checkWindow(quiz, this.clock.now());
    for (let round = 0; ; round++) {
      try {
        const attempt = await this.tx.run((m) => this.startIn(m, user, quiz));
        return this.view(quiz, attempt);
      } catch (err) {
        if (!isDuplicateKey(err) || round >= 3) throw err;
      }
    }
  }

  async get(user: AuthUser, attemptId: string): Promise<AttemptView> {
    const attempt = await this.own(user, attemptId);
    const quiz = await this.tx.run((m) => m.findOneByOrFail(Quiz, { id: attempt.quizId }));
    return this.view(quiz, attempt);
  }

  /** Autosave: merges the given answers; refused with 409 once the attempt is closed. */
  async save(
    user: AuthUser,
    attemptId: string,
    responses: Record<string, unknown>,
  ): Promise<{ revision: number; savedAt: string }> {
    for (let round = 0; ; round++) {
      const attempt = await this.own(user, attemptId);
      this.assertOpen(attempt);
      const merged = mergeResponses(attempt, responses);
      const now = this.clock.now();
      const result = await this.tx.run((m) =>
        m
          .createQueryBuilder()
          .update(QuizAttempt)
          .set({ responsesJson: JSON.stringify(merged), revision: attempt.revision + 1, updatedAt: now })
          .where({ id: attempt.id, status: 'in_progress', revision: attempt.revision })
          .execute(),
      );
      if (result.affected === 1) return { revision: attempt.revision + 1, savedAt: now.toISOString() };
      // Another save got in first (or the attempt closed): read again and merge on top.
      if (round >= 5) throw closedError();
    }
  }

  /**
   * Submits: the state change and the grading job's outbox row commit together, and
   * nothing here touches Redis, so the answer (202) is quick even when Redis is down.
   * Submitting again answers with the receipt of the attempt as it is.
   */
  async submit(user: AuthUser, attemptId: string, responses?: Record<string, unknown>): Promise<SubmitReceipt> {
    // Read, merge the last answers and close with the grading job's row, in one transaction
    // shared with the submits arriving at the same moment (see Submissions).
    return this.submissions.submit({ userId: user.id, attemptId, responses });
  }

  private async startIn(m: EntityManager, user: AuthUser, quiz: Quiz): Promise<QuizAttempt> {
    const mine = await m.find(QuizAttempt, {
      select: { id: true, number: true, status: true, dueAt: true },
      where: { quizId: quiz.id, userId: user.id },
      order: { number: 'DESC' },
    });
    const open = mine.find((a) => a.status === 'in_progress');
    if (open && !this.store.expired(open)) return m.findOneByOrFail(QuizAttempt, { id: open.id });
    // Left open past its time: close it as the timer would, then start afresh.
    if (open) await this.store.close(m, open.id, 'timer');
    if (quiz.attemptsAllowed !== null && mine.length >= quiz.attemptsAllowed) {
      throw new DomainException(AssessmentError.NO_ATTEMPTS_LEFT, `All ${quiz.attemptsAllowed} attempt(s) are used`);
    }
    const now = this.clock.now();
    const snapshot = freeze(quiz, await this.bank(m, quiz));
    const dueAt = dueAtOf(quiz, now);
    const attempt: QuizAttempt = {
      id: newId(),
      quizId: quiz.id,
      courseId: quiz.courseId,
      userId: user.id,
      number: (mine[0]?.number ?? 0) + 1,
      status: 'in_progress',
      startedAt: now,
      dueAt,
      submittedAt: null,
      closedBy: null,
      ...frozenColumns(snapshot),
      responsesJson: '{}',
      revision: 0,
      scoreHundredths: null,
      maxHundredths: snapshot.reduce((sum, q) => sum + Math.round(q.points * 100), 0),
      percentHundredths: null,
      marksJson: null,
      gradedAt: null,
      gradeVersion: 0,
      gradingError: null,
      updatedAt: now,
    };
    await m.createQueryBuilder().insert().into(QuizAttempt).values(attempt).updateEntity(false).execute();
    if (dueAt) await this.deadlines.schedule(m, attempt.id, dueAt, now);
    return attempt;
  }

  /** The bank questions the quiz's slots can use (fixed ones and the draws' pools). */
  private async bank(m: EntityManager, quiz: Quiz): Promise<BankQuestion[]> {
    const slots = slotsOf(quiz);
    const fixed = slots.flatMap((s) => (s.kind === 'fixed' ? [s.questionId] : []));
    const draws = slots.some((s) => s.kind === 'draw');
    // Retired questions are never served, fixed or drawn: a fixed one missing here refuses the start.
    const rows = draws
      ? await m.findBy(Question, { courseId: quiz.courseId, retiredAt: IsNull() })
      : fixed.length
        ? await m.findBy(Question, { id: In(fixed), courseId: quiz.courseId, retiredAt: IsNull() })
        : [];
    return rows.map((q) => ({
      id: q.id,
      type: q.type,
      stem: q.stem,
      points: q.pointsHundredths / 100,
      feedback: q.feedback,
      competencyCode: q.competencyCode,
      difficulty: q.difficulty,
      content: JSON.parse(q.contentJson),
      key: JSON.parse(q.keyJson),
    }));
  }

  /** The quiz, when the learner's course version presents it and its window is open for starting. */
  private async takeable(user: AuthUser, quizId: string): Promise<Quiz> {
    const quiz = await this.tx.run((m) => m.findOneBy(Quiz, { id: quizId }));
    const seat = quiz ? await this.learning.quizSeat(user.id, quiz.courseId, quiz.id) : null;
    if (!quiz || !seat) throw new DomainException(AssessmentError.QUIZ_NOT_FOUND, 'No such quiz in your courses');
    return quiz;
  }

  private async own(user: AuthUser, attemptId: string): Promise<QuizAttempt> {
    const attempt = await this.tx.run((m) => m.findOneBy(QuizAttempt, { id: attemptId, userId: user.id }));
    // Someone else's attempt is "not found", never "forbidden".
    if (!attempt) throw new DomainException(AssessmentError.ATTEMPT_NOT_FOUND, 'No such attempt');
    return attempt;
  }

  private assertOpen(attempt: QuizAttempt): void {
    if (attempt.status !== 'in_progress' || this.store.expired(attempt)) throw closedError();
  }

  private view(quiz: Quiz, attempt: QuizAttempt): AttemptView {
    const now = this.clock.now();
    return learnerAttemptView(attempt, snapshotOf(attempt), {
      now,
      policy: { showScore: quiz.showScore, showAnswers: quiz.showAnswers },
      passPercent: quiz.passPercent,
      quizClosed: closed(quiz, now),
    });
  }
}

function freeze(quiz: Quiz, bank: BankQuestion[]) {
  try {
    return buildSnapshot(slotsOf(quiz), bank, {
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleOptions: quiz.shuffleOptions,
      random,
    });
  } catch (err) {
    // Questions retired since the quiz was saved: the instructor has to fix the quiz (the
    // quiz list shows them which slot). The learner gets one plain message; the slot is detail.
    if (err instanceof NotEnoughQuestions || err instanceof WithdrawnQuestion) {
      throw new DomainException(AssessmentError.NOT_ENOUGH_QUESTIONS, QUIZ_BEING_FIXED, {
        slot: err.slotIndex + 1,
        reason: err.message,
      });
    }
    throw err;
  }
}

export function windowOf(quiz: Quiz, now: Date): QuizWindow {
  if (quiz.opensAt && now < quiz.opensAt) return 'not_open';
  return closed(quiz, now) ? 'closed' : 'open';
}

export function checkWindow(quiz: Quiz, now: Date): void {
  const state = windowOf(quiz, now);
  if (state === 'not_open') {
    throw new DomainException(AssessmentError.QUIZ_NOT_OPEN, `The quiz opens at ${quiz.opensAt!.toISOString()}`);
  }
  if (state === 'closed') throw new DomainException(AssessmentError.QUIZ_CLOSED, 'The quiz has closed');
}

function closed(quiz: Quiz, now: Date): boolean {
  return quiz.closesAt !== null && now >= quiz.closesAt;
}

const closedError = () =>
  new DomainException(AssessmentError.ATTEMPT_CLOSED, 'The attempt is closed; answers can no longer change');
