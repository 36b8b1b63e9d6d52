import { defineErrors } from '../../../libs/common';

export const CatalogError = defineErrors('CATALOG', {
  COURSE_NOT_FOUND: 'not_found',
  SECTION_NOT_FOUND: 'not_found',
  LESSON_NOT_FOUND: 'not_found',
  /** A quiz was to go on a lesson the course's draft does not have (a field of the request, not its path). */
  QUIZ_LESSON_NOT_FOUND: 'unprocessable',
  INSTRUCTOR_NOT_FOUND: 'not_found',
  NO_DRAFT: 'conflict',
  ARCHIVED: 'conflict',
  NOT_PUBLISHABLE: 'unprocessable',
  UNKNOWN_COMPETENCY: 'unprocessable',
  LESSON_KIND_MISMATCH: 'unprocessable',
  BAD_FILE: 'unprocessable',
});
