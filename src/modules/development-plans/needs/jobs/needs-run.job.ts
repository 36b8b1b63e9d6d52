import { Injectable, Logger } from '@nestjs/common';
import { givenUpReason, JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { NeedsRunner } from '../analysis/needs-runner';

/** Runs a needs analysis over its population; a retry resumes after the last committed batch. */
@Injectable()
@JobHandler('development-plans.needs-run')
export class NeedsRunJob implements JobProcessor<'development-plans.needs-run'> {
  private readonly logger = new Logger(NeedsRunJob.name);

  constructor(private readonly runner: NeedsRunner) {}

  handle({ runId }: JobPayloads['development-plans.needs-run']): Promise<void> {
    return this.runner.run(runId);
  }

  /**
   * No try is left: the run ends as failed, with why, so that the analysis can be started again.
   * A run that finished meanwhile (its worker completed it, then stalled) stays as it is.
   */
  async givenUp({ runId }: JobPayloads['development-plans.needs-run'], error: unknown): Promise<void> {
    const marked = await this.runner.fail(
      runId,
      givenUpReason(error, 'Stopped after repeated errors; start the analysis again'),
    );
    this.logger.warn(
      { err: error, runId, marked },
      marked ? 'Needs analysis failed for good' : 'Needs analysis given up; it had finished already',
    );
  }
}
