import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '../../../../libs/queue';
import { RegradesService } from '../grading/regrades.service';

@Injectable()
@JobHandler('assessment.regrade-run')
export class RegradeRunJob implements JobProcessor<'assessment.regrade-run'> {
  constructor(private readonly regrades: RegradesService) {}

  handle(payload: JobPayloads['assessment.regrade-run']): Promise<void> {
    return this.regrades.run(payload.regradeId);
  }

  /** No try is left: the run ends as failed, so that the quiz can be regraded again. */
  givenUp(payload: JobPayloads['assessment.regrade-run']): Promise<void> {
    return this.regrades.markFailed(payload.regradeId);
  }
}
