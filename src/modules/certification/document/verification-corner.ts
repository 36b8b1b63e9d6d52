import { CertificateContent, CertificateDesign } from './certificate-content';
import { BOLD, BOTTOM_GAP, CORNER, INK, MM, REGULAR } from './page-style';
import { QrImage } from './qr-image';
import { lineHeight, TextStyle, writeLine } from './text-fitting';

/** The printed QR symbol, without its quiet zone: comfortably above the 25 mm a phone needs from paper. */
const QR_SYMBOL = 27 * MM;

/** Bottom-left: the QR code, then the serial and the address it encodes, for a reader without a phone. */
export function drawVerificationCorner(
  doc: PDFKit.PDFDocument,
  page: { height: number },
  content: CertificateContent,
  design: CertificateDesign,
  qr: QrImage | null,
): void {
  const { x, width } = CORNER;
  const serial = design.show.serial ? `No. ${content.serial}` : null;
  const serialStyle: TextStyle = { font: BOLD, size: 8.5 };
  // Shrinks a little, then wraps (after "Verifikasi:" or at a "/") rather than print the address too small to type.
  const address = qr ? `Verifikasi: ${content.verificationUrl}` : null;
  const addressStyle: TextStyle = { font: REGULAR, size: 7 };
  const serialHeight = serial ? lineHeight(doc, serial, serialStyle, 6, width) : 0;
  const addressHeight = address ? lineHeight(doc, address, addressStyle, 6, width) : 0;

  let y = page.height - BOTTOM_GAP - serialHeight - addressHeight;
  if (qr) {
    const size = (QR_SYMBOL * qr.imageModules) / qr.modules;
    doc.image(qr.png, x + (width - size) / 2, y - size, { width: size, height: size });
  }
  if (serial) y = writeLine(doc, serial, serialStyle, 6, { x, y, width }, INK);
  if (address) writeLine(doc, address, addressStyle, 6, { x, y, width }, INK);
}
