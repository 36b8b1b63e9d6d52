import { defineErrors } from '../../../../libs/common';

export const PlansError = defineErrors('PLANS', {
  PLAN_NOT_FOUND: 'not_found',
  GOAL_NOT_FOUND: 'not_found',
  ACTIVITY_NOT_FOUND: 'not_found',
  PERSON_NOT_FOUND: 'not_found',
  /** Someone else changed the plan since the caller loaded it (optimistic `version`). */
  STALE_VERSION: 'conflict',
  /** The workflow table has no such move for this status and this person. */
  TRANSITION_NOT_ALLOWED: 'conflict',
  /** Goals and activities change only while the plan is a draft or returned, and only by its owner. */
  NOT_EDITABLE: 'conflict',
  GOAL_EXISTS: 'conflict',
  ACTIVITY_EXISTS: 'conflict',
  COMPETENCY_UNKNOWN: 'unprocessable',
  COURSE_NOT_OFFERED: 'unprocessable',
  FORM_UNKNOWN: 'unprocessable',
  YEAR_OUT_OF_RANGE: 'unprocessable',
});
