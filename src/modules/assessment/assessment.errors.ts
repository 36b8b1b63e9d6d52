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
  /** A question a quiz still needs to start (a fixed slot, or a draw that would find too few): change the quiz first. */
  QUESTION_IN_USE: 'conflict',
  /** A mark that breaks the question's rules (above its points, an override without a reason): fix the form. */
  MARK_INVALID: 'unprocessable',
  /** A mark changed by someone else since the grader loaded it. */
  MARK_CHANGED: 'conflict',
  ATTEMPT_OWN: 'forbidden',
  REGRADE_RUNNING: 'conflict',
});
