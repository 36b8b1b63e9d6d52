import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AttemptOutcome } from '../attempts/attempt-outcome';
import { gradedAttemptsOf } from '../attempts/graded-event';

/**
 * The fan-out point of final grades: course progress now; plans and notifications subscribe
 * here later. Each attempt of the event in its own transaction, so that one learner's failing
 * outcome holds back no one else's; the job then fails and its retry applies them all again,
 * which changes nothing for those already applied.
 */
@Injectable()
@JobHandler('assessment.attempt-graded')
export class AttemptGradedJob implements JobProcessor<'assessment.attempt-graded'> {
  constructor(private readonly outcome: AttemptOutcome) {}

  async handle(payload: JobPayloads['assessment.attempt-graded']): Promise<void> {
    let failure: unknown = null;
    for (const { attemptId } of gradedAttemptsOf(payload)) {
      await this.outcome.apply(attemptId).catch((err: unknown) => (failure ??= err));
    }
    if (failure) throw failure;
  }
}
