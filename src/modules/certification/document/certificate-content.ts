/**
 * What a certificate says (content: one learner, one course) and how a unit wants it to look
 * (design: a template). The certification module fills both; the renderer only draws them.
 */

export interface CertificateContent {
  /** Printed serial, e.g. "BINA-3674-2026-000123". */
  serial: string;
  /** https://…/verifikasi/<code>; the QR code encodes exactly this. */
  verificationUrl: string;
  /** nip: 18 digits, printed grouped "19860926 201505 1 001"; null for people without one. */
  holder: { name: string; nip: string | null };
  /** jp may be fractional (2.5 is printed "2,5 JP"). */
  course: { title: string; jp: number };
  competencies: Array<{ code: string; name: string; level: number }>;
  /** YYYY-MM-DD, already a WIB day; printed "25 November 2026". */
  completedOn: string;
  /** The issuing unit, e.g. "BKPSDM Kota Tangerang Selatan", place "Tangerang Selatan". */
  issuer: { name: string; place: string | null };
  /** YYYY-MM-DD, a WIB day. */
  issuedOn: string;
}

export interface Signatory {
  name: string;
  nip: string | null;
  position: string;
}

/** Which optional parts a template prints. */
export interface ShownFields {
  nip: boolean;
  competencies: boolean;
  jp: boolean;
  qr: boolean;
  serial: boolean;
}

export interface CertificateDesign {
  /** e.g. "SERTIFIKAT". */
  heading: string;
  /**
   * Paragraphs, top to bottom, with placeholders {nama} {nip} {kursus} {jp} {kompetensi}
   * {tanggal} (see placeholders.ts for what each prints and when a block is left out). A
   * block that is nothing but one placeholder ("{nama}") is a display line: large and bold.
   */
  blocks: string[];
  show: ShownFields;
  /** 1 to 3, side by side at the bottom; the place and date stand above the last one. */
  signatories: Signatory[];
  /** PNG or JPEG, stretched to the whole page. */
  background: Buffer | null;
  /** PNG or JPEG, top centre. */
  logo: Buffer | null;
}

/**
 * What a unit gets before it designs its own: the usual wording of an Indonesian training
 * certificate, and one signatory to be replaced by the head of the unit. Six blocks at most,
 * the limit of a template.
 */
export const DEFAULT_DESIGN: CertificateDesign = Object.freeze({
  heading: 'SERTIFIKAT',
  blocks: Object.freeze([
    'Diberikan kepada',
    '{nama}',
    'NIP {nip}',
    'yang telah menyelesaikan pelatihan',
    '{kursus}',
    // Bracketed parts vanish with their placeholder, so hiding JP or competencies leaves a sentence.
    'pada tanggal {tanggal}[ dengan beban belajar {jp}][ untuk pengembangan kompetensi {kompetensi}].',
  ]) as string[],
  show: Object.freeze({ nip: true, competencies: true, jp: true, qr: true, serial: true }),
  signatories: Object.freeze([
    Object.freeze({ name: 'Nama Pejabat Penandatangan', nip: null, position: 'Kepala Unit Pengembangan Kompetensi' }),
  ]) as Signatory[],
  background: null,
  logo: null,
}) as CertificateDesign;
