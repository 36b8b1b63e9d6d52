import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../../libs/queue';
import { EvaluationRequests } from '../requests/evaluation-requests';

/** Opens a completed enrolment's L1 questionnaire and schedules its L3 follow-ups; idempotent. */
@Injectable()
@JobHandler('development-plans.evaluation-request')
export class EvaluationRequestJob implements JobProcessor<'development-plans.evaluation-request'> {
  constructor(private readonly requests: EvaluationRequests) {}

  async handle({ enrolmentId }: JobPayloads['development-plans.evaluation-request']): Promise<void> {
    await this.requests.requestFor(enrolmentId);
  }
}
