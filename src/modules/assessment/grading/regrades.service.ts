import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../libs/common';
import { forUpdateOn, TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { AssessmentError } from '../assessment.errors';
import { frozenColumns, snapshotOf } from '../attempts/attempt-store';
import { Grader } from '../attempts/grader';
import { AttemptScore, FrozenQuestion, scoreAttempt } from '../domain/attempt-score';
import { Response } from '../domain/grading';
import { QuestionContent, QuestionKey } from '../domain/questions';
import { applyLabels } from '../domain/snapshot';
import { GradeChange, Question, Quiz, QuizAttempt, RegradeRun } from '../entities';
import { marksOf } from './grading.service';

const PAGE = 200;
const REGRADABLE: QuizAttempt['status'][] = ['graded', 'awaiting_manual'];
/**
 * Not graded yet: a regrade fixes the key frozen in them, so that their grading, when it
 * comes, uses the fixed key too.
 */
const UNGRADED: QuizAttempt['status'][] = ['in_progress', 'submitted'];
const REACHED = [...REGRADABLE, ...UNGRADED];
/** A run in one of these holds back another regrade of its quiz. */
const ACTIVE: RegradeRun['status'][] = ['queued', 'running'];

export interface RegradeView {
  id: string;
  quizId: string;
  status: RegradeRun['status'];
  total: number;
  done: number;
  changed: number;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * Regrading after an answer key was fixed. Only a fixed key (and points) reaches the
 * attempts: a question whose options changed since an attempt froze it is left as it was
 * graded, since its stored answers point at the old options. Marks a person gave are kept.
 * Runs as a resumable job over pages of attempts and reports its progress.
 */
@Injectable()
export class RegradesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly grader: Grader,
  ) {}

  async request(user: AuthUser, courseId: string, quizId: string): Promise<RegradeView> {
    return this.tx.run(async (m) => {
      // The quiz row is locked (MySQL) before the check, so that two requests at once take turns
      // and the second sees the first's run (its plain read comes after the lock, so its snapshot
      // does too); SQLite's transactions already run one at a time.
      const quiz = await m.findOne(Quiz, { where: { id: quizId, courseId }, ...forUpdateOn(m) });
      if (!quiz) throw new DomainException(AssessmentError.QUIZ_NOT_FOUND, 'No such quiz in this course');
      const running = await m.findOneBy(RegradeRun, { quizId, status: In(ACTIVE) });
      if (running)
        throw new DomainException(AssessmentError.REGRADE_RUNNING, 'A regrade of this quiz is already running');
      const total = await m.countBy(QuizAttempt, { quizId, status: In(REACHED) });
      const run: RegradeRun = {
        id: newId(),
        quizId,
        requestedBy: user.id,
        status: 'queued',
        total,
        done: 0,
        changed: 0,
        cursor: null,
        createdAt: this.clock.now(),
        finishedAt: null,
      };
      await m.insert(RegradeRun, run);
      await this.outbox.enqueue(m, 'assessment.regrade-run', { regradeId: run.id }, { jobId: run.id });
      return regradeView(run);
    });
  }

  async get(courseId: string, quizId: string, regradeId: string): Promise<RegradeView> {
    const run = await this.tx.run((m) => m.findOneBy(RegradeRun, { id: regradeId, quizId }));
    const quiz = await this.tx.run((m) => m.findOneBy(Quiz, { id: quizId, courseId }));
    if (!run || !quiz) throw new DomainException(AssessmentError.REGRADE_NOT_FOUND, 'No such regrade');
    return regradeView(run);
  }

  /**
   * The newest regrade of each quiz of the course that was ever regraded (whatever its
   * status), by quiz id, in one query: the quiz page shows every quiz's run at once.
   */
  async latestRuns(courseId: string): Promise<Map<string, RegradeView>> {
    const runs = await this.tx.run((m) =>
      m
        .createQueryBuilder(RegradeRun, 'r')
        .innerJoin(Quiz, 'q', 'q.id = r.quizId')
        .where('q.courseId = :courseId', { courseId })
        // None newer of the same quiz (by time, then id, as runs made in the same millisecond).
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM regrade_run newer WHERE newer.quiz_id = r.quizId AND ' +
            '(newer.created_at > r.createdAt OR (newer.created_at = r.createdAt AND newer.id > r.id)))',
        )
        .getMany(),
    );
    return new Map(runs.map((run) => [run.quizId, regradeView(run)]));
  }

  /**
   * A run whose job was given up ends as failed, so that it no longer holds back the next
   * regrade of its quiz (the attempts it reached keep their new grades; a new run redoes all).
   * A run that finished meanwhile stays done.
   */
  async markFailed(regradeId: string): Promise<void> {
    await this.tx.run((m) =>
      m.update(RegradeRun, { id: regradeId, status: In(ACTIVE) }, { status: 'failed', finishedAt: this.clock.now() }),
    );
  }

  /** The job: a page at a time, each page in one transaction with the run's cursor, so a crash resumes. */
  async run(regradeId: string): Promise<void> {
    for (;;) {
      const more = await this.tx.run(async (m) => {
        const run = await m.findOneBy(RegradeRun, { id: regradeId });
        // A failed run was given up: a late duplicate of its job must not bring it back.
        if (!run || run.status === 'done' || run.status === 'failed') return false;
        const attempts = await m.find(QuizAttempt, {
          where: { quizId: run.quizId, status: In(REACHED), ...(run.cursor ? { id: MoreThan(run.cursor) } : {}) },
          order: { id: 'ASC' },
          take: PAGE,
          // Locked like a mark's read and grading's, so that a mark given or a grade written
          // meanwhile waits, and is not skipped or written with the old key.
          ...forUpdateOn(m),
        });
        const keys = await this.currentKeys(m, attempts);
        let changed = 0;
        for (const attempt of attempts) {
          const snapshot = withFixedKeys(snapshotOf(attempt), keys);
          if (UNGRADED.includes(attempt.status)) {
            await this.fixFrozenKeys(m, attempt, snapshot);
            continue;
          }
          const score = scoreAttempt(
            snapshot,
            JSON.parse(attempt.responsesJson) as Record<string, Response>,
            marksOf(attempt),
          );
          if (score.scoreHundredths === attempt.scoreHundredths && score.maxHundredths === attempt.maxHundredths) {
            // The total stands, but the fixed key and the marks per question still go in: the
            // review shows the right answer, and statistics and overrides read those marks.
            await this.keepFixedKeys(m, attempt, snapshot, score);
            continue;
          }
          if (await this.grader.record(m, attempt, score, attempt.status, snapshot)) {
            changed++;
            await m.insert(GradeChange, {
              id: newId(),
              attemptId: attempt.id,
              kind: 'regrade',
              slot: null,
              byUserId: run.requestedBy,
              reason: null,
              regradeId: run.id,
              beforeHundredths: attempt.scoreHundredths,
              afterHundredths: score.scoreHundredths,
              at: this.clock.now(),
            });
          }
        }
        const last = attempts[attempts.length - 1];
        const finished = attempts.length < PAGE;
        const done = run.done + attempts.length;
        await m.update(
          RegradeRun,
          { id: run.id },
          {
            status: finished ? 'done' : 'running',
            done,
            // Attempts started or replayed since the request are visited too: the total follows,
            // so that progress never passes it, and a finished run reads done of done.
            total: finished ? done : Math.max(run.total, done),
            changed: run.changed + changed,
            cursor: last?.id ?? run.cursor,
            finishedAt: finished ? this.clock.now() : null,
          },
        );
        return !finished;
      });
      if (!more) return;
    }
  }

  /** A graded attempt whose total stands: its snapshot and marks are brought to the fixed key. */
  private async keepFixedKeys(
    m: EntityManager,
    attempt: QuizAttempt,
    snapshot: FrozenQuestion[],
    score: AttemptScore,
  ): Promise<void> {
    const frozen = frozenColumns(snapshot);
    const marksJson = JSON.stringify(score.marks);
    if (frozen.snapshotJson === attempt.snapshotJson && marksJson === attempt.marksJson) return;
    await m.update(
      QuizAttempt,
      { id: attempt.id, status: attempt.status, gradeVersion: attempt.gradeVersion },
      { ...frozen, marksJson },
    );
  }

  /** An attempt not graded yet keeps its questions and answers; only the key frozen in it is fixed. */
  private async fixFrozenKeys(m: EntityManager, attempt: QuizAttempt, snapshot: FrozenQuestion[]): Promise<void> {
    const fixed = frozenColumns(snapshot);
    if (fixed.snapshotJson === attempt.snapshotJson) return;
    await m.update(QuizAttempt, { id: attempt.id, status: attempt.status }, fixed);
  }

  private async currentKeys(m: EntityManager, attempts: QuizAttempt[]) {
    const ids = [...new Set(attempts.flatMap((a) => snapshotOf(a).map((q) => q.questionId)))];
    const rows = ids.length ? await m.findBy(Question, { id: In(ids) }) : [];
    return new Map(
      rows.map((q) => [
        q.id,
        {
          content: JSON.parse(q.contentJson) as QuestionContent,
          key: JSON.parse(q.keyJson) as QuestionKey,
          points: q.pointsHundredths / 100,
        },
      ]),
    );
  }
}

/** The bank's current key and points for each frozen question whose options are still the same. */
export function withFixedKeys(
  snapshot: FrozenQuestion[],
  current: Map<string, { content: QuestionContent; key: QuestionKey; points: number }>,
): FrozenQuestion[] {
  return snapshot.map((q) => {
    const bank = current.get(q.questionId);
    if (!bank) return q;
    // Matching and ordering keep their key in which id carries which text: a fixed order
    // or pairing moves texts between ids, so it is carried over by text.
    if (q.content.type === 'ordering' || q.content.type === 'matching') return keyByText(q, bank) ?? q;
    const now = applyLabels(bank.content, bank.key, q.labels);
    if (now.key.type !== q.key.type || !sameChoices(q.content, now.content)) return q;
    return { ...q, key: now.key, points: bank.points };
  });
}

/**
 * The bank's fixed ordering or pairing in the attempt's own ids, matched by text; null when
 * the items, prompts or choices are no longer the same texts (then the attempt stays as graded).
 */
export function keyByText(
  q: FrozenQuestion,
  bank: { content: QuestionContent; key: QuestionKey; points: number },
): FrozenQuestion | null {
  const idsByText = (list: Array<{ id: string; text: string }>) => {
    const map = new Map(list.map((x) => [x.text, x.id]));
    return map.size === list.length ? map : null;
  };
  const sameTexts = (a: Array<{ text: string }>, b: Array<{ text: string }>) =>
    a.length === b.length && a.every((x) => b.some((y) => y.text === x.text));
  if (q.content.type === 'ordering' && bank.content.type === 'ordering' && bank.key.type === 'ordering') {
    const ids = idsByText(q.content.items);
    if (!ids || !sameTexts(q.content.items, bank.content.items)) return null;
    const text = new Map(bank.content.items.map((i) => [i.id, i.text]));
    const order = bank.key.order.map((id) => ids.get(text.get(id) ?? ''));
    if (order.some((id) => id === undefined)) return null;
    return { ...q, key: { type: 'ordering', order: order as string[] }, points: bank.points };
  }
  if (q.content.type === 'matching' && bank.content.type === 'matching' && bank.key.type === 'matching') {
    const prompts = idsByText(q.content.prompts);
    const choices = idsByText(q.content.choices);
    if (!prompts || !choices) return null;
    if (!sameTexts(q.content.prompts, bank.content.prompts) || !sameTexts(q.content.choices, bank.content.choices))
      return null;
    const promptText = new Map(bank.content.prompts.map((p) => [p.id, p.text]));
    const choiceText = new Map(bank.content.choices.map((c) => [c.id, c.text]));
    const pairs: Record<string, string> = {};
    for (const [p, c] of Object.entries(bank.key.pairs)) {
      const prompt = prompts.get(promptText.get(p) ?? '');
      const choice = choices.get(choiceText.get(c) ?? '');
      if (!prompt || !choice) return null;
      pairs[prompt] = choice;
    }
    return { ...q, key: { type: 'matching', pairs }, points: bank.points };
  }
  return null;
}

/** Same ids with the same texts, whatever order the attempt showed them in. */
function sameChoices(a: QuestionContent, b: QuestionContent): boolean {
  const list = (c: QuestionContent) => {
    switch (c.type) {
      case 'single':
      case 'multiple':
        return c.options;
      case 'matching':
        return [...c.prompts, ...c.choices];
      case 'ordering':
        return c.items;
      default:
        return [];
    }
  };
  const norm = (c: QuestionContent) =>
    JSON.stringify(
      list(c)
        .map((x) => `${x.id}\u0000${x.text}`)
        .sort(),
    );
  return a.type === b.type && norm(a) === norm(b);
}

function regradeView(run: RegradeRun): RegradeView {
  return {
    id: run.id,
    quizId: run.quizId,
    status: run.status,
    total: run.total,
    done: run.done,
    changed: run.changed,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
