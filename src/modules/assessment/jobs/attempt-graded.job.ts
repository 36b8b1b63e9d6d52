import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AttemptOutcome } from '../attempts/attempt-outcome';

/** The fan-out point of a final grade: course progress now; plans and notifications subscribe here later. */
@Injectable()
@JobHandler('assessment.attempt-graded')
export class AttemptGradedJob implements JobProcessor<'assessment.attempt-graded'> {
  constructor(private readonly outcome: AttemptOutcome) {}

  handle(payload: JobPayloads['assessment.attempt-graded']): Promise<void> {
    return this.outcome.apply(payload.attemptId);
  }
}
