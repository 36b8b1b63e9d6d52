import { Injectable, Logger } from '@nestjs/common';
import { JOB_MAX_ATTEMPTS, JobContext, JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { NeedsRunner } from '../analysis/needs-runner';

/** Runs a needs analysis over its population; a retry resumes after the last committed batch. */
@Injectable()
@JobHandler('development-plans.needs-run')
export class NeedsRunJob implements JobProcessor<'development-plans.needs-run'> {
  private readonly logger = new Logger(NeedsRunJob.name);

  constructor(private readonly runner: NeedsRunner) {}

  async handle({ runId }: JobPayloads['development-plans.needs-run'], context?: JobContext): Promise<void> {
    try {
      await this.runner.run(runId);
    } catch (err) {
      const last = (context?.attempt ?? 1) >= JOB_MAX_ATTEMPTS;
      this.logger.warn({ err, runId }, last ? 'Needs analysis failed for good' : 'Needs analysis failed; retrying');
      if (last) await this.runner.fail(runId, 'Stopped after repeated errors; start the analysis again');
      throw err;
    }
  }
}
