import { Module } from '@nestjs/common';
import { HousekeepingJob } from './housekeeping.job';
import { HousekeepingScheduler } from './housekeeping.scheduler';

/** Cross-cutting jobs that belong to no bounded context. */
@Module({ providers: [HousekeepingJob, HousekeepingScheduler] })
export class PlatformModule {}
