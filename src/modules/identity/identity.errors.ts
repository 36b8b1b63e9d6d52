import { defineErrors } from '../../../libs/common';

export const IdentityError = defineErrors('IDENTITY', {
  INVALID_CREDENTIALS: 'unauthenticated',
  LOGIN_RATE_LIMITED: 'rate_limited',
  USER_NOT_FOUND: 'not_found',
  USER_NOT_MANAGEABLE: 'forbidden',
  NIP_INVALID: 'unprocessable',
  NIP_TAKEN: 'conflict',
  EMAIL_TAKEN: 'conflict',
  GRADE_INVALID: 'unprocessable',
  UNIT_NOT_FOUND: 'unprocessable',
  POSITION_NOT_FOUND: 'unprocessable',
  SUPERVISOR_NOT_FOUND: 'unprocessable',
  SUPERVISOR_IS_SELF: 'unprocessable',
  WRONG_PASSWORD: 'unprocessable',
  IMPORT_NOT_FOUND: 'not_found',
  IMPORT_FILE_INVALID: 'unprocessable',
  IMPORT_TOO_LARGE: 'too_large',
});
