import type { Certificate } from '../entities';

/**
 * What anyone may learn from a verification code, and nothing more: no NIP, e-mail or ids
 * (UU 27/2022 PDP). Unknown and revoked codes answer in this same shape, so the answer's
 * form never tells more than its status.
 */
export interface PublicVerification {
  code: string;
  status: 'valid' | 'revoked' | 'unknown';
  holderName: string | null;
  courseTitle: string | null;
  jp: number | null;
  completedOn: string | null;
  issuedOn: string | null;
  issuer: string | null;
  revokedOn: string | null;
}

export const PUBLIC_VERIFICATION_FIELDS: ReadonlyArray<keyof PublicVerification> = [
  'code',
  'status',
  'holderName',
  'courseTitle',
  'jp',
  'completedOn',
  'issuedOn',
  'issuer',
  'revokedOn',
];

export function publicVerification(
  code: string,
  c: Certificate | null,
  wibDay: (d: Date) => string,
): PublicVerification {
  if (!c) {
    return {
      code,
      status: 'unknown',
      holderName: null,
      courseTitle: null,
      jp: null,
      completedOn: null,
      issuedOn: null,
      issuer: null,
      revokedOn: null,
    };
  }
  return {
    code,
    status: c.status,
    holderName: c.holderName,
    courseTitle: c.courseTitle,
    jp: c.jpTenths / 10,
    completedOn: c.completedOn,
    issuedOn: wibDay(c.issuedAt),
    issuer: c.issuerName,
    revokedOn: c.revokedAt ? wibDay(c.revokedAt) : null,
  };
}
