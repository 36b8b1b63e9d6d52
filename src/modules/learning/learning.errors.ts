import { defineErrors } from '../../../libs/common';

export const LearningError = defineErrors('LEARNING', {
  FORM_NOT_FOUND: 'not_found',
});
