import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../../../../libs/queue';

/**
 * Asks for a person's plans to be recomputed, in the caller's transaction. The job id is
 * the cause (an enrolment, a verified activity, a graded attempt, a mentoring session),
 * so a cause replayed asks once, and different causes each ask.
 */
@Injectable()
export class PlanRefresh {
  constructor(private readonly outbox: OutboxService) {}

  request(manager: EntityManager, userId: string, cause: string): Promise<void> {
    return this.outbox.enqueue(manager, 'development-plans.plan-refresh', { userId }, { jobId: `${userId}:${cause}` });
  }
}
