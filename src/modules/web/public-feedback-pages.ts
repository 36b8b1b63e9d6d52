import { Type } from '@nestjs/common';
import { PublicFeedbackAdminPagesController } from './public-feedback-admin-pages.controller';
import { PublicFeedbackSurveyPagesController } from './public-feedback-survey-pages.controller';

/** Page controllers of this development-plans area: the public survey and the admins' IKM report. */
export const PUBLIC_FEEDBACK_PAGES: Type[] = [PublicFeedbackSurveyPagesController, PublicFeedbackAdminPagesController];
