import PDFDocument from 'pdfkit';
import { CertificateContent, CertificateDesign } from './certificate-content';
import { drawCertificate } from './certificate-layout';
import { certificateFonts } from './fonts';
import { formatIndonesianDate } from './indonesian-format';
import { BOLD, REGULAR } from './page-style';
import { qrImage } from './qr-image';

/**
 * The printable certificate: one A4 landscape page in Bahasa Indonesia, Noto Sans embedded
 * (subset), the QR code when the design shows it. The same content and design give the same
 * bytes, since the creation date is the issue day rather than the moment of rendering.
 */
export async function renderCertificatePdf(content: CertificateContent, design: CertificateDesign): Promise<Buffer> {
  const qr = design.show.qr ? qrImage(content.verificationUrl) : null;
  const fonts = certificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // No default font: PDFKit would otherwise load Helvetica, a standard-14 font we never use.
    font: null as unknown as string,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: `Sertifikat ${content.course.title.trim()} — ${content.holder.name.trim()}`,
      Author: content.issuer.name,
      Subject: `Sertifikat ${content.serial}, diterbitkan ${formatIndonesianDate(content.issuedOn)}; verifikasi: ${content.verificationUrl}`,
      Keywords: content.serial,
      Creator: 'Bina',
      CreationDate: startOfWibDay(content.issuedOn),
    },
  });
  const done = collect(doc);
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  try {
    drawCertificate(doc, content, design, qr);
  } finally {
    doc.end();
  }
  return done;
}

/** Midnight at the start of the given day in WIB (UTC+7), the zone certificate days are counted in. */
function startOfWibDay(day: string): Date {
  formatIndonesianDate(day); // validates
  return new Date(`${day}T00:00:00+07:00`);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
