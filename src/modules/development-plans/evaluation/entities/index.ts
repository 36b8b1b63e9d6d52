import { CourseEvaluation } from './course-evaluation.entity';
import { EvaluationSetting } from './evaluation-setting.entity';
import { FollowUpSurvey } from './follow-up-survey.entity';
import { LearningGain } from './learning-gain.entity';

export * from './course-evaluation.entity';
export * from './evaluation-setting.entity';
export * from './follow-up-survey.entity';
export * from './learning-gain.entity';

export const EVALUATION_ENTITIES = [CourseEvaluation, FollowUpSurvey, EvaluationSetting, LearningGain];
