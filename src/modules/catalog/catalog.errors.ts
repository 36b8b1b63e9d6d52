import { defineErrors } from '../../../libs/common';

export const CatalogError = defineErrors('CATALOG', {
  COURSE_NOT_FOUND: 'not_found',
  SECTION_NOT_FOUND: 'not_found',
  LESSON_NOT_FOUND: 'not_found',
  INSTRUCTOR_NOT_FOUND: 'not_found',
  NO_DRAFT: 'conflict',
  ARCHIVED: 'conflict',
  NOT_PUBLISHABLE: 'unprocessable',
  UNKNOWN_COMPETENCY: 'unprocessable',
  LESSON_KIND_MISMATCH: 'unprocessable',
  BAD_FILE: 'unprocessable',
});
