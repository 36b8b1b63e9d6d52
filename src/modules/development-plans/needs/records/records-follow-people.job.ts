import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { RecordsRegion } from './records-region';

/** Moves the assessments and SKP ratings of people who changed to the region they are in now. */
@Injectable()
@JobHandler('development-plans.records-follow-people')
export class RecordsFollowPeopleJob implements JobProcessor<'development-plans.records-follow-people'> {
  constructor(private readonly regions: RecordsRegion) {}

  handle({ userIds }: JobPayloads['development-plans.records-follow-people']): Promise<void> {
    return this.regions.follow(userIds);
  }
}
