import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';

/** STUB (skeleton): builds an export file. To be implemented. */
@Injectable()
@JobHandler('monitoring.export-run')
export class ExportRunJob implements JobProcessor<'monitoring.export-run'> {
  async handle(_payload: JobPayloads['monitoring.export-run']): Promise<void> {}
}
