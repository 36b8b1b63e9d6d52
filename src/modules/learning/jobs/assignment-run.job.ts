import { Injectable, Logger } from '@nestjs/common';
import { givenUpReason, JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { AssignmentRunner } from '../assignments/assignment-runner';

/** Enrols an assignment's people; a retry resumes after the last committed batch. */
@Injectable()
@JobHandler('learning.assignment-run')
export class AssignmentRunJob implements JobProcessor<'learning.assignment-run'> {
  private readonly logger = new Logger(AssignmentRunJob.name);

  constructor(private readonly runner: AssignmentRunner) {}

  handle({ assignmentId }: JobPayloads['learning.assignment-run']): Promise<void> {
    return this.runner.run(assignmentId);
  }

  /**
   * No try is left: the assignment ends as failed, with why, so that it can be run again. An
   * assignment that finished meanwhile (its worker completed it, then stalled) stays as it is.
   */
  async givenUp({ assignmentId }: JobPayloads['learning.assignment-run'], error: unknown): Promise<void> {
    const marked = await this.runner.fail(
      assignmentId,
      givenUpReason(error, 'Stopped after repeated errors; run it again to finish the rest'),
    );
    this.logger.warn(
      { err: error, assignmentId, marked },
      marked ? 'Assignment failed for good' : 'Assignment given up; it had finished already',
    );
  }
}
