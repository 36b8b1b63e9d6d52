import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { ExportRunner } from '../export-runner';

/** Builds a queued export file (see ExportRunner). */
@Injectable()
@JobHandler('monitoring.export-run')
export class ExportRunJob implements JobProcessor<'monitoring.export-run'> {
  constructor(private readonly runner: ExportRunner) {}

  handle({ exportId }: JobPayloads['monitoring.export-run']): Promise<void> {
    return this.runner.run(exportId);
  }
}
