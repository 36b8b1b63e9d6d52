import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { OutboxService, PermanentJobError } from '../../../../libs/queue';
import { AttemptScore, FrozenQuestion, percentOf, scoreAttempt } from '../domain/attempt-score';
import { Response } from '../domain/grading';
import { QuizAttempt } from '../entities';

/**
 * Scores submitted attempts from their frozen snapshots. Running it twice, or on two
 * workers at once, grades once: the write is conditional on the attempt still being
 * `submitted`, and the graded event is keyed by the attempt and its grade version.
 */
@Injectable()
export class Grader {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  async grade(attemptId: string): Promise<void> {
    const broken = await this.tx.run(async (m) => {
      const attempt = await m.findOneBy(QuizAttempt, { id: attemptId });
      if (!attempt || attempt.status !== 'submitted') return null;
      const parsed = parse(attempt);
      if (!parsed) return attempt;
      const score = scoreAttempt(parsed.snapshot, parsed.responses);
      await this.record(m, attempt, score, 'submitted');
      return null;
    });
    if (broken) await this.fail(broken, 'The attempt snapshot cannot be read');
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
        status: final ? 'graded' : 'awaiting_manual',
        scoreHundredths: score.scoreHundredths,
        maxHundredths: score.maxHundredths,
        percentHundredths: final ? Math.round(percentOf(score.scoreHundredths, score.maxHundredths) * 100) : null,
        marksJson: JSON.stringify(score.marks),
        gradedAt: final ? now : null,
        gradeVersion: version,
        gradingError: null,
        updatedAt: now,
        ...(snapshot ? { snapshotJson: JSON.stringify(snapshot) } : {}),
      })
      .where({ id: attempt.id, status: from, gradeVersion: attempt.gradeVersion })
      .execute();
    if (won.affected !== 1) return false;
    if (final) {
      await this.outbox.enqueue(
        m,
        'assessment.attempt-graded',
        { attemptId: attempt.id, gradeVersion: version },
        { jobId: `${attempt.id}:${version}` },
      );
    }
    return true;
  }

  /** A permanent failure: the attempt shows as "grading failed" to its instructors, who can replay it. */
  async fail(attempt: QuizAttempt, reason: string): Promise<never> {
    await this.tx.run((m) =>
      m.update(
        QuizAttempt,
        { id: attempt.id, status: 'submitted' },
        {
          status: 'failed',
          gradingError: reason.slice(0, 500),
          gradeVersion: attempt.gradeVersion + 1,
          updatedAt: this.clock.now(),
        },
      ),
    );
    throw new PermanentJobError(`Attempt ${attempt.id}: ${reason}`);
  }
}

function parse(attempt: QuizAttempt): { snapshot: FrozenQuestion[]; responses: Record<string, Response> } | null {
  try {
    const snapshot = JSON.parse(attempt.snapshotJson) as FrozenQuestion[];
    const responses = JSON.parse(attempt.responsesJson) as Record<string, Response>;
    if (!Array.isArray(snapshot) || snapshot.some((q) => !q?.key?.type)) return null;
    return { snapshot, responses };
  } catch {
    return null;
  }
}
