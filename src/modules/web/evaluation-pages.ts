import { Type } from '@nestjs/common';
import { EvaluationResultsPagesController } from './evaluation-results-pages.controller';
import { EvaluationSurveyPagesController } from './evaluation-survey-pages.controller';

/** Page controllers of this development-plans area. */
export const EVALUATION_PAGES: Type[] = [EvaluationSurveyPagesController, EvaluationResultsPagesController];
