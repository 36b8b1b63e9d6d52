import { defineErrors } from '../../../../libs/common';

/** Errors of the needs signals (the PLANS namespace is shared, so every key starts SIGNALS_). */
export const SignalsError = defineErrors('PLANS', {
  SIGNALS_QUESTIONNAIRE_NOT_FOUND: 'not_found',
  SIGNALS_UNIT_NOT_FOUND: 'not_found',
  SIGNALS_TARGET_OUT_OF_SCOPE: 'unprocessable',
  SIGNALS_ANSWER_INVALID: 'unprocessable',
  SIGNALS_DUE_DATE_INVALID: 'unprocessable',
  SIGNALS_COMPLAINT_INVALID: 'unprocessable',
  SIGNALS_IMPORT_INVALID: 'unprocessable',
  SIGNALS_COMPETENCY_UNKNOWN: 'unprocessable',
  SIGNALS_QUESTIONNAIRE_CLOSED: 'conflict',
  SIGNALS_QUESTIONNAIRE_NOT_FAILED: 'conflict',
});
