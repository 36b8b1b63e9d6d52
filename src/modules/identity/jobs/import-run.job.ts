import { Injectable, Logger } from '@nestjs/common';
import { DomainException } from '../../../../libs/common';
import { givenUpReason, JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { ImportRunner } from '../import/import-runner';

/** Runs a queued ASN import; safe to run again (it resumes after the last committed chunk). */
@Injectable()
@JobHandler('identity.import-run')
export class ImportRunJob implements JobProcessor<'identity.import-run'> {
  private readonly logger = new Logger(ImportRunJob.name);

  constructor(private readonly runner: ImportRunner) {}

  async handle({ importId }: JobPayloads['identity.import-run']): Promise<void> {
    try {
      await this.runner.run(importId);
    } catch (err) {
      // A file that cannot be read will not become readable on a retry: fail the import for good.
      // Anything else (database trouble) is rethrown so that the queue retries it.
      if (err instanceof DomainException) {
        await this.runner.markFailed(importId, err.message);
        return;
      }
      throw err;
    }
  }

  /**
   * No try is left: the import ends as failed, with why, instead of "running" for ever. An
   * import that finished meanwhile (its worker completed it, then stalled) stays as it is.
   */
  async givenUp({ importId }: JobPayloads['identity.import-run'], error: unknown): Promise<void> {
    const marked = await this.runner.markFailed(
      importId,
      givenUpReason(error, 'The import stopped after repeated errors; the rows so far are kept'),
    );
    this.logger.warn(
      { err: error, importId, marked },
      marked ? 'Import run failed for good' : 'Import run given up; it had finished already',
    );
  }
}
