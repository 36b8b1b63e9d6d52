import { Injectable, Logger } from '@nestjs/common';
import {
  JobAbandonedError,
  JobContext,
  JobHandler,
  JobPayloads,
  JobProcessor,
  PermanentJobError,
} from '../../../../libs/queue';
import { Grader } from '../attempts/grader';
import { GradingFailure } from '../attempts/grading-failure';

@Injectable()
@JobHandler('assessment.grade-attempt')
export class GradeAttemptJob implements JobProcessor<'assessment.grade-attempt'> {
  private readonly logger = new Logger(GradeAttemptJob.name);

  constructor(private readonly grader: Grader) {}

  handle(payload: JobPayloads['assessment.grade-attempt']): Promise<void> {
    return this.grader.grade(payload.attemptId);
  }

  /**
   * No try is left: an attempt still waiting for its grade would show "being graded" for
   * ever. It fails instead, with why, so that it is listed under failed gradings and can be
   * replayed once the cause is fixed. The reason kept is one of GradingFailure's sentences
   * (pages word it in their language); the error itself, a driver's text perhaps, is only
   * logged, with the attempt and the job. A permanent failure of the grader has marked the
   * attempt already (then this changes nothing).
   */
  async givenUp(payload: JobPayloads['assessment.grade-attempt'], error: unknown, context: JobContext): Promise<void> {
    const reason =
      error instanceof PermanentJobError
        ? GradingFailure.permanent
        : error instanceof JobAbandonedError
          ? GradingFailure.abandoned
          : GradingFailure.gaveUp;
    const marked = await this.grader.markFailed(payload.attemptId, reason);
    this.logger.warn(
      { err: error, attemptId: payload.attemptId, jobId: context.jobId, marked },
      marked ? 'Grading given up; the attempt is marked failed' : 'Grading given up',
    );
  }
}
