import { Type } from '@nestjs/common';
import { ComplaintPagesController } from './complaint-pages.controller';
import { QuestionnaireAdminPagesController } from './questionnaire-admin-pages.controller';
import { QuestionnairePagesController } from './questionnaire-pages.controller';

/** Page controllers of the needs signals: questionnaires (admin and ASN) and public complaints. */
export const NEEDS_SIGNALS_PAGES: Type[] = [
  QuestionnaireAdminPagesController,
  QuestionnairePagesController,
  ComplaintPagesController,
];
