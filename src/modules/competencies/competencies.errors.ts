import { defineErrors } from '../../../libs/common';

export const CompetenciesError = defineErrors('COMPETENCIES', {
  COMPETENCY_NOT_FOUND: 'not_found',
  CODE_TAKEN: 'conflict',
});
