import { Injectable, Logger } from '@nestjs/common';
import { DomainException } from '../../../../libs/common';
import { JOB_MAX_ATTEMPTS, JobContext, JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { ImportRunner } from '../import/import-runner';

/** Runs a queued ASN import; safe to run again (it resumes after the last committed chunk). */
@Injectable()
@JobHandler('identity.import-run')
export class ImportRunJob implements JobProcessor<'identity.import-run'> {
  private readonly logger = new Logger(ImportRunJob.name);

  constructor(private readonly runner: ImportRunner) {}

  async handle({ importId }: JobPayloads['identity.import-run'], context?: JobContext): Promise<void> {
    try {
      await this.runner.run(importId);
    } catch (err) {
      // A file that cannot be read will not become readable on a retry: fail the import for good.
      // Anything else (database trouble) is rethrown so that the queue retries it.
      if (err instanceof DomainException) {
        await this.runner.markFailed(importId, err.message);
        return;
      }
      const last = (context?.attempt ?? 1) >= JOB_MAX_ATTEMPTS;
      this.logger.warn(
        { err, importId },
        last ? 'Import run failed for good' : 'Import run failed; it will be retried',
      );
      if (last)
        await this.runner.markFailed(importId, 'The import stopped after repeated errors; the rows so far are kept');
      throw err;
    }
  }
}
