import { defineErrors } from '../../../../libs/common';

/** Errors of the public satisfaction survey (keys prefixed: the PLANS namespace is shared by the areas). */
export const PublicFeedbackError = defineErrors('PLANS', {
  SURVEY_UNIT_NOT_FOUND: 'not_found',
  /** This device already answered this unit's survey in the current period. */
  SURVEY_ALREADY_ANSWERED: 'conflict',
  /** Sent back sooner than a person can read nine questions. */
  SURVEY_TOO_FAST: 'unprocessable',
  /** The form's start token is missing, forged or too old: load the form again. */
  SURVEY_FORM_EXPIRED: 'unprocessable',
  /** The hidden field people do not see was filled in (an automated submission). */
  SURVEY_REJECTED: 'unprocessable',
});
