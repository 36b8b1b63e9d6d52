import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';

/** Runs a queued ASN import. (Being written: see the import service.) */
@Injectable()
@JobHandler('identity.import-run')
export class ImportRunJob implements JobProcessor<'identity.import-run'> {
  async handle(_payload: JobPayloads['identity.import-run']): Promise<void> {
    throw new Error('not implemented yet');
  }
}
