import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { PlanProgressService } from '../progress/plan-progress.service';

/** Recomputes a person's plans; running it again, or out of order, changes nothing more. */
@Injectable()
@JobHandler('development-plans.plan-refresh')
export class PlanRefreshJob implements JobProcessor<'development-plans.plan-refresh'> {
  constructor(private readonly progress: PlanProgressService) {}

  handle({ userId }: JobPayloads['development-plans.plan-refresh']): Promise<void> {
    return this.progress.refresh(userId);
  }
}
