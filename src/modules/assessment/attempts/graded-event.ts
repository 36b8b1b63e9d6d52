import { EntityManager } from 'typeorm';
import { GradedAttempts, OutboxService } from '../../../../libs/queue';

export interface GradedAttempt {
  attemptId: string;
  gradeVersion: number;
}

/**
 * Queues one `assessment.attempt-graded` event for the attempts graded in one transaction.
 * One event per batch, not per attempt: at an exam's end each event is an outbox row to
 * relay and a job to add to Redis, and per attempt that was about a sixth of what grading
 * cost the machine (exam-burst).
 *
 * The job id is the first attempt's (by id) with its grade version, which no other event can
 * carry: a grade version is written once, by the one transaction that wins the conditional
 * update. A lone attempt keeps the id it always had (`<attempt>:<version>`); a batch adds
 * how many others it carries.
 */
export async function queueGradedEvent(
  outbox: OutboxService,
  m: EntityManager,
  attempts: GradedAttempt[],
): Promise<void> {
  if (attempts.length === 0) return;
  const sorted = [...attempts].sort((a, b) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0));
  const first = sorted[0];
  const others = sorted.length > 1 ? `+${sorted.length - 1}` : '';
  await outbox.enqueue(
    m,
    'assessment.attempt-graded',
    { attempts: sorted },
    { jobId: `${first.attemptId}:${first.gradeVersion}${others}` },
  );
}

/** The attempts an event is about, whichever build queued it. */
export function gradedAttemptsOf(payload: GradedAttempts): GradedAttempt[] {
  return 'attempts' in payload
    ? payload.attempts
    : [{ attemptId: payload.attemptId, gradeVersion: payload.gradeVersion }];
}
