import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock, DomainException, MicroBatch } from '../../../../libs/common';
import { isMysqlFamily, runRetryingDeadlocks, TransactionRunner } from '../../../../libs/database';
import { AssessmentError } from '../assessment.errors';
import { QuizAttempt } from '../entities';
import { AttemptStore } from './attempt-store';
import { mergeResponses, receiptOf, SubmitReceipt } from './responses';

export interface SubmitRequest {
  userId: string;
  attemptId: string;
  /** Last answers not saved yet. */
  responses?: Record<string, unknown>;
}

/** Submits arriving together share one transaction (group commit): up to this many... */
const BATCH_MAX = 64;
/** ...within this window. A lone submit waits no longer than this. */
const BATCH_WINDOW_MS = 2;

/**
 * Closes submitted attempts, the submits of a moment together. At the end of an exam
 * thousands of learners press "Kirim" within a minute; one transaction per submit spends
 * the database on commits. Here the submits that arrive within a couple of milliseconds
 * are read with one locking SELECT, closed with one UPDATE and given their grading jobs
 * with one INSERT, in one transaction: each attempt's state change and its outbox row still
 * commit together or not at all, and each caller gets its own answer (a 422 for answers
 * that do not fit, a 404 for someone else's attempt) without failing the others.
 */
@Injectable()
export class Submissions {
  private readonly batch = new MicroBatch<SubmitRequest, SubmitReceipt>((requests) => this.submitMany(requests), {
    maxSize: BATCH_MAX,
    windowMs: BATCH_WINDOW_MS,
  });

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly store: AttemptStore,
  ) {}

  submit(request: SubmitRequest): Promise<SubmitReceipt> {
    return this.batch.add(request);
  }

  /**
   * One transaction for the batch. The rows are locked in id order (on MySQL; SQLite runs
   * one transaction at a time), so an autosave or the timer racing a submit waits for it and
   * then finds the attempt closed, and two batches never deadlock over shared rows. The same
   * attempt twice in a batch is a double tap: the first closes it, the second gets the receipt.
   */
  private submitMany(requests: SubmitRequest[]): Promise<Array<SubmitReceipt | Error>> {
    return runRetryingDeadlocks(this.tx, async (m) => {
      const ids = [...new Set(requests.map((r) => r.attemptId))].sort();
      const read = m
        .createQueryBuilder(QuizAttempt, 'a')
        .select([
          'a.id',
          'a.userId',
          'a.status',
          'a.dueAt',
          'a.revision',
          'a.submittedAt',
          'a.closedBy',
          'a.shapesJson',
          'a.responsesJson',
        ])
        .where('a.id IN (:...ids)', { ids })
        .orderBy('a.id', 'ASC');
      if (isMysqlFamily(m.connection)) read.setLock('pessimistic_write');
      const attempts = new Map((await read.getMany()).map((a) => [a.id, a]));
      await this.withSnapshotsWhereNoShapes(m, [...attempts.values()]);
      const now = this.clock.now();
      const closes: Array<{ id: string; closedBy: 'learner' | 'timer'; responsesJson: string | null }> = [];
      const outcomes = requests.map((request): SubmitReceipt | Error => {
        const attempt = attempts.get(request.attemptId);
        if (!attempt || attempt.userId !== request.userId) {
          return new DomainException(AssessmentError.ATTEMPT_NOT_FOUND, 'No such attempt');
        }
        if (attempt.status !== 'in_progress') return receiptOf(attempt);
        const late = this.store.expired(attempt, now);
        let responsesJson: string | null = null;
        if (request.responses && Object.keys(request.responses).length > 0 && !late) {
          try {
            responsesJson = JSON.stringify(mergeResponses(attempt, request.responses));
          } catch (err) {
            return err as Error;
          }
        }
        const closedBy = late ? 'timer' : 'learner';
        closes.push({ id: attempt.id, closedBy, responsesJson });
        Object.assign(attempt, {
          status: 'submitted',
          submittedAt: now,
          closedBy,
          revision: responsesJson === null ? attempt.revision : attempt.revision + 1,
        } satisfies Partial<QuizAttempt>);
        return receiptOf(attempt);
      });
      await this.store.closeMany(m, closes);
      return outcomes;
    });
  }

  /**
   * Answers are checked against the snapshot only on attempts started before their shapes
   * were kept: only those read it (7 KB an attempt, which the others need not fetch).
   */
  private async withSnapshotsWhereNoShapes(m: EntityManager, attempts: QuizAttempt[]): Promise<void> {
    const old = attempts.filter((a) => a.shapesJson === null);
    if (old.length === 0) return;
    const rows = await m.find(QuizAttempt, {
      select: { id: true, snapshotJson: true },
      where: { id: In(old.map((a) => a.id)) },
    });
    const snapshots = new Map(rows.map((r) => [r.id, r.snapshotJson]));
    for (const attempt of old) attempt.snapshotJson = snapshots.get(attempt.id)!;
  }
}
