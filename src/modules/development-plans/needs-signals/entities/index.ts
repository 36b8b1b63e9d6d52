import { ComplaintCount } from './complaint-count.entity';
import { ComplaintTheme } from './complaint-theme.entity';
import { QuestionnaireAnswer } from './questionnaire-answer.entity';
import { QuestionnaireRecipient } from './questionnaire-recipient.entity';
import { Questionnaire } from './questionnaire.entity';

export * from './complaint-count.entity';
export * from './complaint-theme.entity';
export * from './questionnaire-answer.entity';
export * from './questionnaire-recipient.entity';
export * from './questionnaire.entity';
export const NEEDS_SIGNALS_ENTITIES = [
  Questionnaire,
  QuestionnaireRecipient,
  QuestionnaireAnswer,
  ComplaintCount,
  ComplaintTheme,
];
