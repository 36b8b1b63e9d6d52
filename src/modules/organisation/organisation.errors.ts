import { defineErrors } from '../../../libs/common';

export const OrganisationError = defineErrors('ORGANISATION', {
  REGION_NOT_FOUND: 'not_found',
  UNIT_NOT_FOUND: 'not_found',
  POSITION_NOT_FOUND: 'not_found',
  UNIT_CODE_TAKEN: 'conflict',
  POSITION_CODE_TAKEN: 'conflict',
  REGION_OUT_OF_SCOPE: 'not_found',
  COMPETENCY_UNKNOWN: 'unprocessable',
});
