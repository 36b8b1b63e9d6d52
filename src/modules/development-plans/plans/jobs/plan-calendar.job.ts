import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor } from '../../../../../libs/queue';
import { PlanCalendarService } from '../calendar/plan-calendar.service';

/** Starts approved plans whose year began and closes plans of past years; idempotent. */
@Injectable()
@JobHandler('development-plans.plan-calendar')
export class PlanCalendarJob implements JobProcessor<'development-plans.plan-calendar'> {
  constructor(private readonly calendar: PlanCalendarService) {}

  async handle(): Promise<void> {
    await this.calendar.run();
  }
}
