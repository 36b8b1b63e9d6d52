import { AreaParts } from '../area-parts';
import { EVALUATION_ENTITIES } from './entities';
import { FollowUpScan } from './follow-up/follow-up-scan';
import { FollowUpScheduler } from './follow-up/follow-up.scheduler';
import { EvaluationRequestJob } from './jobs/evaluation-request.job';
import { FollowUpScanJob } from './jobs/follow-up-scan.job';
import { EvaluationRequests } from './requests/evaluation-requests';
import { EvaluationTriggers } from './requests/evaluation-triggers';
import { EvaluationSettingsService } from './settings/evaluation-settings.service';

/** Kirkpatrick L1-L3: the post-course questionnaire, the learning gain, the follow-up at work. */
export const EVALUATION_PARTS: AreaParts = {
  entities: EVALUATION_ENTITIES,
  controllers: [],
  providers: [
    EvaluationSettingsService,
    EvaluationRequests,
    EvaluationTriggers,
    EvaluationRequestJob,
    FollowUpScan,
    FollowUpScanJob,
    FollowUpScheduler,
  ],
  exports: [EvaluationSettingsService, FollowUpScheduler],
};
