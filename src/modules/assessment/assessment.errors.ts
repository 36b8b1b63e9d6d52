import { defineErrors } from '../../../libs/common';

export const AssessmentError = defineErrors('ASSESSMENT', {
  COURSE_NOT_FOUND: 'not_found',
  QUESTION_NOT_FOUND: 'not_found',
  QUIZ_NOT_FOUND: 'not_found',
  ATTEMPT_NOT_FOUND: 'not_found',
  REGRADE_NOT_FOUND: 'not_found',
  QUESTION_INVALID: 'unprocessable',
  QUIZ_INVALID: 'unprocessable',
  RESPONSE_INVALID: 'unprocessable',
  IMPORT_INVALID: 'unprocessable',
  NOT_ENOUGH_QUESTIONS: 'unprocessable',
  QUIZ_NOT_OPEN: 'conflict',
  QUIZ_CLOSED: 'conflict',
  NO_ATTEMPTS_LEFT: 'conflict',
  ATTEMPT_CLOSED: 'conflict',
  NOT_GRADABLE: 'conflict',
  ATTEMPT_OWN: 'forbidden',
  REGRADE_RUNNING: 'conflict',
});
