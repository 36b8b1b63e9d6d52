import { defineErrors } from '../../../../libs/common';

/** Errors of the evaluation area (Kirkpatrick L1-L3). */
export const EvaluationError = defineErrors('PLANS', {
  EVALUATION_NOT_FOUND: 'not_found',
  EVALUATION_ANSWERED: 'conflict',
  FOLLOW_UP_NOT_FOUND: 'not_found',
  FOLLOW_UP_ANSWERED: 'conflict',
  FOLLOW_UP_EXPIRED: 'conflict',
  EVALUATION_COURSE_NOT_FOUND: 'not_found',
  EVALUATION_INSTRUCTOR_NOT_FOUND: 'not_found',
});
