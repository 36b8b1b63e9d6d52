import { formatNip } from '../../identity/domain/nip';
import type { Certificate, CertificateStatus } from '../entities';

/** A certificate as its holder and the admins in scope see it (the public sees far less). */
export interface CertificateView {
  id: string;
  serial: string;
  verificationCode: string;
  verificationPath: string;
  userId: string;
  holderName: string;
  holderNip: string | null;
  courseId: string;
  courseTitle: string;
  jp: number;
  competencies: Array<{ code: string; name: string; level: number }>;
  completedOn: string;
  issuedAt: string;
  issuerName: string;
  generation: number;
  status: CertificateStatus;
  revokedAt: string | null;
  revocationReason: string | null;
  replacedById: string | null;
}

export function certificateView(c: Certificate): CertificateView {
  return {
    id: c.id,
    serial: c.serial,
    verificationCode: c.code,
    verificationPath: `/verifikasi/${c.code}`,
    userId: c.userId,
    holderName: c.holderName,
    holderNip: c.holderNip ? formatNip(c.holderNip) : null,
    courseId: c.courseId,
    courseTitle: c.courseTitle,
    jp: c.jpTenths / 10,
    competencies: JSON.parse(c.competenciesJson) as CertificateView['competencies'],
    completedOn: c.completedOn,
    issuedAt: c.issuedAt.toISOString(),
    issuerName: c.issuerName,
    generation: c.generation,
    status: c.status,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationReason: c.revocationReason,
    replacedById: c.replacedById,
  };
}

/** A file name people recognise, safe on every file system: "Pelayanan Publik - Budi Santoso - 000123.pdf". */
export function certificateFileName(c: Pick<Certificate, 'courseTitle' | 'holderName' | 'serial'>): string {
  const clean = (s: string) =>
    [...s]
      .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
  const number = c.serial.split('/').pop() ?? c.serial;
  return `${clean(c.courseTitle)} - ${clean(c.holderName)} - ${number}.pdf`;
}
