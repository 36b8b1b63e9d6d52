import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock, MicroBatch } from '../../../../libs/common';
import { caseById, isMysqlFamily, TransactionRunner } from '../../../../libs/database';
import { OutboxService, PermanentJobError, QUEUE_CONCURRENCY } from '../../../../libs/queue';
import { AttemptScore, FrozenQuestion, GradingKey, percentOf, scoreAttempt } from '../domain/attempt-score';
import { Response } from '../domain/grading';
import { Quiz, QuizAttempt } from '../entities';
import { EssayAlerts } from '../grading/essay-alerts';
import { frozenColumns } from './attempt-store';
import { queueGradedEvent } from './graded-event';
import { GradingFailure, GradingFailureReason } from './grading-failure';

/**
 * Grading jobs in flight together share one transaction (group commit): up to a quarter as
 * many as the worker runs at once, so that several batches gather while others wait on
 * their commit. With only two in flight each waits for the other's log flush; a batch as
 * large as the worker's concurrency would wait for every lane, and one larger could never
 * fill and would always wait out the window...
 */
const BATCH_MAX = Math.max(1, Math.floor(QUEUE_CONCURRENCY.assessment / 4));
/** ...arriving within this window. A lone job waits no longer than this. */
const BATCH_WINDOW_MS = 2;

/**
 * Scores submitted attempts from their frozen snapshots. Running it twice, or on two
 * workers at once, grades once: the write is conditional on the attempt still being
 * `submitted`, and the graded event is keyed by the attempt and its grade version.
 * Jobs arriving together are graded in one transaction, since at an exam's end the
 * commit, not the scoring, is what limits how fast grades come out.
 */
@Injectable()
export class Grader {
  private readonly batch = new MicroBatch<string>((ids) => this.gradeMany(ids), {
    maxSize: BATCH_MAX,
    windowMs: BATCH_WINDOW_MS,
  });

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly essayAlerts: EssayAlerts,
  ) {}

  grade(attemptId: string): Promise<void> {
    return this.batch.add(attemptId);
  }

  /**
   * One transaction for the batch: the submitted attempts are read (locked on MySQL, so a
   * second worker with the same job waits and then finds them graded), scored, written by
   * one UPDATE, and given one graded event for the batch. An attempt whose frozen key cannot
   * be read fails alone, for good.
   */
  private async gradeMany(ids: string[]): Promise<Array<void | Error>> {
    const broken = await this.tx.run(async (m) => {
      const attempts = await this.readSubmitted(m, [...new Set(ids)]);
      const unreadable: QuizAttempt[] = [];
      const scored: Array<{ attempt: QuizAttempt; score: AttemptScore }> = [];
      for (const attempt of attempts) {
        const parsed = parse(attempt);
        if (!parsed) unreadable.push(attempt);
        else scored.push({ attempt, score: scoreAttempt(parsed.snapshot, parsed.responses) });
      }
      await this.writeScores(m, scored);
      const waiting = scored.filter(({ score }) => score.awaitingManual).map(({ attempt }) => attempt);
      await this.essayAlerts.awaitingGrading(m, waiting);
      // A final grade has its event; so has a pre-test whose essay waits for a person, since
      // a pre-test is done once taken and its lesson must not wait for the mark.
      const preTests = await this.preTestQuizIds(m, waiting);
      await queueGradedEvent(
        this.outbox,
        m,
        scored
          .filter(({ attempt, score }) => !score.awaitingManual || preTests.has(attempt.quizId))
          .map(({ attempt }) => ({ attemptId: attempt.id, gradeVersion: attempt.gradeVersion + 1 })),
      );
      return unreadable;
    });
    const failures = new Map<string, Error>();
    for (const attempt of broken) {
      failures.set(attempt.id, await this.fail(attempt, GradingFailure.unreadable).catch((err: Error) => err));
    }
    return ids.map((id) => failures.get(id));
  }

  /**
   * The submitted attempts among `ids`, with what grading reads of them, in plain SQL (the
   * query builder's hydration was a tenth of the CPU of grading an exam). Rows are locked in
   * one order by every worker on MySQL: two batches sharing attempts cannot deadlock.
   */
  private async readSubmitted(m: EntityManager, ids: string[]): Promise<QuizAttempt[]> {
    const rows: Array<{
      id: string;
      quiz_id: string;
      course_id: string;
      user_id: string;
      grade_version: number | string;
      key_json: string | null;
      snapshot_json: string | null;
      responses_json: string;
    }> = await m.query(
      // The snapshot only where the grading key is missing (attempts started before it existed).
      `SELECT id, quiz_id, course_id, user_id, grade_version, key_json, ` +
        `CASE WHEN key_json IS NULL THEN snapshot_json END AS snapshot_json, responses_json FROM quiz_attempt ` +
        `WHERE status = 'submitted' AND id IN (${ids.map(() => '?').join(', ')}) ORDER BY id` +
        (isMysqlFamily(m.connection) ? ' FOR UPDATE' : ''),
      ids,
    );
    return rows.map(
      (r) =>
        ({
          id: r.id,
          quizId: r.quiz_id,
          courseId: r.course_id,
          userId: r.user_id,
          status: 'submitted',
          gradeVersion: Number(r.grade_version),
          keyJson: r.key_json,
          snapshotJson: r.snapshot_json ?? '',
          responsesJson: r.responses_json,
        }) as QuizAttempt,
    );
  }

  /** Which of these attempts' quizzes are pre-tests; no query when none waits (an exam without essays). */
  private async preTestQuizIds(m: EntityManager, attempts: QuizAttempt[]): Promise<Set<string>> {
    if (attempts.length === 0) return new Set();
    const quizzes = await m.find(Quiz, {
      select: { id: true },
      where: { id: In([...new Set(attempts.map((a) => a.quizId))]), role: 'pre' },
    });
    return new Set(quizzes.map((q) => q.id));
  }

  /** The scores of a batch in one statement: a CASE per column, keyed by attempt id. */
  private async writeScores(m: EntityManager, scored: Array<{ attempt: QuizAttempt; score: AttemptScore }>) {
    if (scored.length === 0) return;
    const meta = m.connection.getMetadata(QuizAttempt);
    const db = (property: keyof QuizAttempt, value: unknown) =>
      m.connection.driver.preparePersistentValue(value, meta.findColumnWithPropertyName(property)!);
    const now = this.clock.now();
    const rows = scored.map(({ attempt, score }) => ({ id: attempt.id, columns: scoreColumns(score, now) }));
    const params: unknown[] = [];
    const sets = (Object.keys(rows[0].columns) as Array<keyof ReturnType<typeof scoreColumns>>).map((property) =>
      caseById(
        meta.findColumnWithPropertyName(property)!.databaseName,
        rows.map(({ id, columns }) => [id, db(property, columns[property])] as const),
        params,
      ),
    );
    params.push(db('updatedAt', now), ...scored.map(({ attempt }) => attempt.id));
    await m.query(
      `UPDATE quiz_attempt SET ${sets.join(', ')}, grade_version = grade_version + 1, grading_error = NULL, updated_at = ? ` +
        `WHERE status = 'submitted' AND id IN (${scored.map(() => '?').join(', ')})`,
      params,
    );
  }

  /**
   * Writes a score if the attempt is still in `from`; emits the graded event when the
   * score is final. Returns false when another writer got there first.
   */
  async record(
    m: EntityManager,
    attempt: QuizAttempt,
    score: AttemptScore,
    from: QuizAttempt['status'],
    snapshot?: FrozenQuestion[],
  ): Promise<boolean> {
    const now = this.clock.now();
    const final = !score.awaitingManual;
    const version = attempt.gradeVersion + 1;
    const won = await m
      .createQueryBuilder()
      .update(QuizAttempt)
      .set({
        ...scoreColumns(score, now),
        gradeVersion: version,
        gradingError: null,
        updatedAt: now,
        ...(snapshot ? frozenColumns(snapshot) : {}),
      })
      .where({ id: attempt.id, status: from, gradeVersion: attempt.gradeVersion })
      .execute();
    if (won.affected !== 1) return false;
    if (final) await queueGradedEvent(this.outbox, m, [{ attemptId: attempt.id, gradeVersion: version }]);
    return true;
  }

  /** A permanent failure: the attempt shows as "grading failed" to its instructors, who can replay it. */
  async fail(attempt: QuizAttempt, reason: GradingFailureReason): Promise<never> {
    await this.markFailed(attempt.id, reason);
    throw new PermanentJobError(`Attempt ${attempt.id}: ${reason}`);
  }

  /**
   * Marks an attempt still waiting for its grade as failed, with why, so that its instructors
   * see it and can replay it. Conditional on `submitted`: an attempt graded or failed meanwhile
   * is left as it is (false), so calling it again changes nothing. Unlike fail it throws
   * nothing of its own: the grading job calls it once the queue gave the job up.
   */
  async markFailed(attemptId: string, reason: GradingFailureReason): Promise<boolean> {
    return this.tx.run(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(QuizAttempt)
        .set({
          status: 'failed',
          gradingError: reason,
          // A new version, as every change of outcome makes: a replay is keyed by it.
          gradeVersion: () => 'grade_version + 1',
          updatedAt: this.clock.now(),
        })
        .where({ id: attemptId, status: 'submitted' })
        .execute();
      if (result.affected !== 1) return false;
      // The attempt was taken all the same: a pre-test's lesson is done (see AttemptOutcome).
      const { gradeVersion } = await m.findOneOrFail(QuizAttempt, {
        select: { id: true, gradeVersion: true },
        where: { id: attemptId },
      });
      await queueGradedEvent(this.outbox, m, [{ attemptId, gradeVersion }]);
      return true;
    });
  }
}

/** What a score writes on its attempt; final unless essays wait for a person. */
function scoreColumns(score: AttemptScore, now: Date) {
  const final = !score.awaitingManual;
  return {
    status: final ? ('graded' as const) : ('awaiting_manual' as const),
    scoreHundredths: score.scoreHundredths,
    maxHundredths: score.maxHundredths,
    percentHundredths: final ? Math.round(percentOf(score.scoreHundredths, score.maxHundredths) * 100) : null,
    marksJson: JSON.stringify(score.marks),
    gradedAt: final ? now : null,
  };
}

function parse(attempt: QuizAttempt): { snapshot: GradingKey[]; responses: Record<string, Response> } | null {
  try {
    const snapshot = JSON.parse(attempt.keyJson ?? attempt.snapshotJson) as GradingKey[];
    const responses = JSON.parse(attempt.responsesJson) as Record<string, Response>;
    if (!Array.isArray(snapshot) || snapshot.some((q) => !q?.key?.type)) return null;
    return { snapshot, responses };
  } catch {
    return null;
  }
}
