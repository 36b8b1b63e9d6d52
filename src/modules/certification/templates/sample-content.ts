import type { CertificateContent } from '../document';

/** What the live preview prints: a realistic certificate that no one holds. */
export function sampleContent(publicUrl: string, issuerName: string, issuedOn: string): CertificateContent {
  return {
    serial: 'BINA/CONTOH/2026/000001',
    verificationUrl: `${publicUrl}/verifikasi/CONTOH-BUKAN-SERTIFIKAT-ASLI`,
    holder: { name: 'Andi Pratama Nugroho, S.Kom.', nip: '199001152015031002' },
    course: { title: 'Pelayanan Publik Prima', jp: 20 },
    competencies: [
      { code: 'M.05', name: 'Pelayanan Publik', level: 3 },
      { code: 'M.03', name: 'Komunikasi', level: 2 },
    ],
    completedOn: issuedOn,
    issuer: { name: issuerName, place: null },
    issuedOn,
  };
}
