import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { FollowUpScan } from '../follow-up/follow-up-scan';

/** A WIB day's follow-up scan (jobId: the day); running it again sends nothing more. */
@Injectable()
@JobHandler('development-plans.follow-up-scan')
export class FollowUpScanJob implements JobProcessor<'development-plans.follow-up-scan'> {
  constructor(private readonly scan: FollowUpScan) {}

  handle({ day }: JobPayloads['development-plans.follow-up-scan']): Promise<void> {
    return this.scan.run(day);
  }
}
