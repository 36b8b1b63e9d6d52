import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { Grader } from '../attempts/grader';

@Injectable()
@JobHandler('assessment.grade-attempt')
export class GradeAttemptJob implements JobProcessor<'assessment.grade-attempt'> {
  constructor(private readonly grader: Grader) {}

  handle(payload: JobPayloads['assessment.grade-attempt']): Promise<void> {
    return this.grader.grade(payload.attemptId);
  }
}
