import { defineErrors } from '../../../libs/common';

export const CertificationError = defineErrors('CERTIFICATION', {
  CERTIFICATE_NOT_FOUND: 'not_found',
  UNIT_NOT_FOUND: 'not_found',
  TEMPLATE_NOT_FOUND: 'not_found',
  EXPORT_NOT_FOUND: 'not_found',
  IMAGE_INVALID: 'unprocessable',
  PLACEHOLDER_UNKNOWN: 'unprocessable',
  ALREADY_REVOKED: 'conflict',
  NOTHING_TO_PUBLISH: 'conflict',
  DRAFT_CHANGED: 'conflict',
  EXPORT_NOT_READY: 'conflict',
});
