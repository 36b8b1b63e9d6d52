import { defineErrors } from '../../../libs/common';

export const LearningError = defineErrors('LEARNING', {
  FORM_NOT_FOUND: 'not_found',
  COURSE_NOT_FOUND: 'not_found',
  LESSON_NOT_FOUND: 'not_found',
  ENROLMENT_NOT_FOUND: 'not_found',
  NOT_ENROLLED: 'not_found',
  ENROLMENT_PENDING: 'conflict',
  ENROLMENT_CLOSED: 'conflict',
  ENROLMENT_OWN: 'forbidden',
  ASSIGNMENT_DEADLINE_PASSED: 'unprocessable',
  DEADLINE_PASSED: 'conflict',
  LESSON_LOCKED: 'conflict',
  COMPLETED_BY_QUIZ: 'conflict',
  ASSIGNMENT_NOT_FOUND: 'not_found',
  COURSE_OUT_OF_SCOPE: 'unprocessable',
  TARGET_OUT_OF_SCOPE: 'unprocessable',
  ACTIVITY_NOT_FOUND: 'not_found',
  ACTIVITY_REVIEWED: 'conflict',
  ACTIVITY_OWN: 'forbidden',
  ACTIVITY_INVALID: 'unprocessable',
  NOT_AN_EDITOR: 'not_found',
});
