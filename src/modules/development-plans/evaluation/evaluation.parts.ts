import { AreaParts } from '../area-parts';
import { MySurveysService } from './answers/my-surveys.service';
import { SurveyAnswersService } from './answers/survey-answers.service';
import { EvaluationController } from './evaluation.controller';
import { EvaluationQueries } from './results/evaluation-queries';
import { EvaluationTotalsQuery } from './results/evaluation-totals';
import { EvaluationResultsService } from './results/evaluation-results.service';
import { EvaluationScope } from './results/evaluation-scope';
import { EVALUATION_ENTITIES } from './entities';
import { FollowUpScan } from './follow-up/follow-up-scan';
import { FollowUpScheduler } from './follow-up/follow-up.scheduler';
import { EvaluationRequestJob } from './jobs/evaluation-request.job';
import { FollowUpScanJob } from './jobs/follow-up-scan.job';
import { EvaluationRequests } from './requests/evaluation-requests';
import { EvaluationTriggers } from './requests/evaluation-triggers';
import { LearningGainRecorder } from './requests/learning-gain-recorder';
import { EvaluationRecorded } from './evaluation-recorded';
import { EvaluationSettingsService } from './settings/evaluation-settings.service';

/** Kirkpatrick L1-L3: the post-course questionnaire, the learning gain, the follow-up at work. */
export const EVALUATION_PARTS: AreaParts = {
  entities: EVALUATION_ENTITIES,
  controllers: [EvaluationController],
  providers: [
    EvaluationSettingsService,
    EvaluationRequests,
    EvaluationTriggers,
    EvaluationRecorded,
    LearningGainRecorder,
    EvaluationRequestJob,
    FollowUpScan,
    FollowUpScanJob,
    FollowUpScheduler,
    SurveyAnswersService,
    MySurveysService,
    EvaluationScope,
    EvaluationQueries,
    EvaluationTotalsQuery,
    EvaluationResultsService,
  ],
  exports: [
    EvaluationSettingsService,
    FollowUpScheduler,
    SurveyAnswersService,
    MySurveysService,
    EvaluationResultsService,
  ],
};
