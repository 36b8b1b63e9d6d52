import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';

/** STUB (skeleton): the daily monitoring job. To be implemented. */
@Injectable()
@JobHandler('monitoring.daily')
export class MonitoringDailyJob implements JobProcessor<'monitoring.daily'> {
  async handle(_payload: JobPayloads['monitoring.daily']): Promise<void> {}
}
