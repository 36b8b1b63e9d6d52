import { defineErrors } from '../../../../libs/common';

/** Errors of the mentoring area (the PLANS namespace is shared by every area, so keys carry MENTORING_). */
export const MentoringError = defineErrors('PLANS', {
  MENTORING_PAIRING_NOT_FOUND: 'not_found',
  MENTORING_SESSION_NOT_FOUND: 'not_found',
  MENTORING_PERSON_NOT_FOUND: 'not_found',
  MENTORING_COMPETENCY_UNKNOWN: 'unprocessable',
  MENTORING_SELF_PAIRING: 'unprocessable',
  MENTORING_SESSION_DATE: 'unprocessable',
  MENTORING_DAY_FULL: 'unprocessable',
  MENTORING_TOO_MANY_PENDING: 'conflict',
  MENTORING_PAIRING_EXISTS: 'conflict',
  MENTORING_PAIRING_CLOSED: 'conflict',
  MENTORING_SESSION_ANSWERED: 'conflict',
  MENTORING_OWN_SESSION: 'forbidden',
});
