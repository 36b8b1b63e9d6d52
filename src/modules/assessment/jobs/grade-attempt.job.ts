import { Injectable, Logger } from '@nestjs/common';
import { JOB_MAX_ATTEMPTS, JobHandler, JobPayloads, JobProcessor, PermanentJobError } from '../../../../libs/queue';
import { Grader } from '../attempts/grader';

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
   * ever. It fails instead, with why (the instructor's grading page shows this text), so that
   * it is listed under failed gradings and can be replayed once the cause is fixed. A
   * permanent failure of the grader has marked it already (then this changes nothing).
   */
  async givenUp(payload: JobPayloads['assessment.grade-attempt'], error: unknown): Promise<void> {
    const message = String((error as Error)?.message ?? error);
    const reason =
      error instanceof PermanentJobError
        ? `Penilaian gagal: ${message}`
        : `Penilaian gagal setelah ${JOB_MAX_ATTEMPTS} percobaan: ${message}`;
    if (await this.grader.markFailed(payload.attemptId, reason))
      this.logger.warn({ attemptId: payload.attemptId }, 'Grading given up; the attempt is marked failed');
  }
}
