import type { CertificateContent } from '../document';

/** Everything a certificate row needs, assembled and signed before the row is written. */
export interface IssueDraft {
  id: string;
  code: string;
  serial: string;
  userId: string;
  enrolmentId: string;
  courseId: string;
  versionId: string;
  generation: number;
  regionCode: string | null;
  issuerUnitId: string | null;
  templateVersionId: string | null;
  jpTenths: number;
  issuedAt: Date;
  content: CertificateContent;
  credentialJson: string;
  pdf: Buffer;
}

/** The completed enrolment a certificate is for. */
export interface IssueFacts {
  enrolmentId: string;
  userId: string;
  courseId: string;
  versionId: string;
  regionCode: string | null;
  completedAt: Date;
}
