import { defineErrors } from '../../../../libs/common';

/** Errors of the needs analysis (keys unique across the PLANS namespace: each starts NEEDS_). */
export const NeedsError = defineErrors('PLANS', {
  NEEDS_PERSON_NOT_FOUND: 'not_found',
  NEEDS_ASSESSMENT_NOT_FOUND: 'not_found',
  NEEDS_RUN_NOT_FOUND: 'not_found',
  NEEDS_POSITION_NOT_FOUND: 'not_found',
  NEEDS_UNIT_NOT_FOUND: 'not_found',
  NEEDS_REGION_OUTSIDE_SCOPE: 'not_found',
  NEEDS_COMPETENCY_UNKNOWN: 'unprocessable',
  NEEDS_DATE_INVALID: 'unprocessable',
  NEEDS_SKP_IMPORT_INVALID: 'unprocessable',
  NEEDS_REGION_REQUIRED: 'unprocessable',
  NEEDS_RUN_IN_PROGRESS: 'conflict',
});
