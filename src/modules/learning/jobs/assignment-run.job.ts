import { Injectable, Logger } from '@nestjs/common';
import { JOB_MAX_ATTEMPTS, JobContext, JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AssignmentRunner } from '../assignments/assignment-runner';

/** Enrols an assignment's people; a retry resumes after the last committed batch. */
@Injectable()
@JobHandler('learning.assignment-run')
export class AssignmentRunJob implements JobProcessor<'learning.assignment-run'> {
  private readonly logger = new Logger(AssignmentRunJob.name);

  constructor(private readonly runner: AssignmentRunner) {}

  async handle({ assignmentId }: JobPayloads['learning.assignment-run'], context?: JobContext): Promise<void> {
    try {
      await this.runner.run(assignmentId);
    } catch (err) {
      const last = (context?.attempt ?? 1) >= JOB_MAX_ATTEMPTS;
      this.logger.warn({ err, assignmentId }, last ? 'Assignment failed for good' : 'Assignment failed; retrying');
      if (last) await this.runner.fail(assignmentId, 'Stopped after repeated errors; run it again to finish the rest');
      throw err;
    }
  }
}
