import { CertificateContent, CertificateDesign } from './certificate-content';
import { ACCENT, BOLD, INK, MUTED, REGULAR, SIDE } from './page-style';
import { displayPlaceholder, fillPlaceholders } from './placeholders';
import { QrImage } from './qr-image';
import { drawSignatories } from './signatories';
import { heightOf, sizeToFitLine, TextStyle, write, writeLine } from './text-fitting';
import { drawVerificationCorner } from './verification-corner';

interface Page {
  width: number;
  height: number;
}

/**
 * The whole page, top to bottom: backdrop, logo, heading and issuing unit; the signatories
 * and the verification corner at the bottom; the design's blocks in the space between.
 */
export function drawCertificate(
  doc: PDFKit.PDFDocument,
  content: CertificateContent,
  design: CertificateDesign,
  qr: QrImage | null,
): void {
  const page: Page = { width: doc.page.width, height: doc.page.height };
  drawBackdrop(doc, page, design);
  const bodyTop = drawHeader(doc, page, content, design);
  const cornerShown = qr !== null || design.show.serial;
  const signaturesTop = drawSignatories(doc, page, content, design.signatories, cornerShown);
  drawBlocks(doc, page, content, design, bodyTop, signaturesTop - 12);
  if (cornerShown) drawVerificationCorner(doc, page, content, design, qr);
}

function drawBackdrop(doc: PDFKit.PDFDocument, page: Page, design: CertificateDesign): void {
  if (design.background) {
    image(doc, design.background, 'background', 0, 0, { width: page.width, height: page.height });
    return;
  }
  // Without a designed background, a plain double frame: it prints the same on every printer.
  doc
    .lineWidth(2.5)
    .strokeColor(ACCENT)
    .rect(18, 18, page.width - 36, page.height - 36)
    .stroke();
  doc
    .lineWidth(0.75)
    .rect(25, 25, page.width - 50, page.height - 50)
    .stroke();
}

/** Logo, heading, issuing unit; returns where the body may start. */
function drawHeader(doc: PDFKit.PDFDocument, page: Page, content: CertificateContent, design: CertificateDesign) {
  const width = page.width - 2 * SIDE;
  let y = 42;
  if (design.logo) {
    const box = { width: 150, height: 58 };
    image(doc, design.logo, 'logo', (page.width - box.width) / 2, y, {
      fit: [box.width, box.height],
      align: 'center',
      valign: 'center',
    });
    y += box.height + 8;
  }
  // Letter spacing stays under 0.1 em: wider, and text extraction reads "S E R T I F I K A T".
  y = writeLine(doc, design.heading, { font: BOLD, size: 38, tracking: 0.04 }, 20, { x: SIDE, y, width }, ACCENT);
  y = writeLine(doc, content.issuer.name, { font: REGULAR, size: 13 }, 9, { x: SIDE, y: y + 2, width }, MUTED);
  doc
    .lineWidth(1.25)
    .strokeColor(ACCENT)
    .moveTo(page.width / 2 - 40, y + 8)
    .lineTo(page.width / 2 + 40, y + 8)
    .stroke();
  return y + 22;
}

type ParagraphKind = 'name' | 'display' | 'body';

const paragraphStyle = (kind: ParagraphKind, scale: number): TextStyle =>
  kind === 'name'
    ? { font: BOLD, size: 30 * scale }
    : kind === 'display'
      ? { font: BOLD, size: 17 * scale, lineGap: 2 * scale }
      : { font: REGULAR, size: 12.5 * scale, lineGap: 3 * scale };

/**
 * The design's blocks, centred in the space left. They shrink together, down to 40%, until
 * they fit: the most a template may hold (six blocks of 600 characters) fits that way even
 * under a two-line heading and three signatories. Anything longer is cut at the signatures
 * rather than spilling onto a second page.
 */
function drawBlocks(
  doc: PDFKit.PDFDocument,
  page: Page,
  content: CertificateContent,
  design: CertificateDesign,
  top: number,
  bottom: number,
): void {
  const width = page.width - 2 * SIDE - 20;
  const paragraphs = design.blocks
    .map((block) => {
      const sole = displayPlaceholder(block);
      const kind: ParagraphKind = sole === 'nama' ? 'name' : sole ? 'display' : 'body';
      return { text: fillPlaceholders(block, content, design.show), kind };
    })
    .filter((p) => p.text !== '');

  const layoutAt = (scale: number) => {
    const styled = paragraphs.map((p) => {
      let style = paragraphStyle(p.kind, scale);
      // The name stays on one line as long as it can (down to 18 pt), then wraps.
      if (p.kind === 'name') style = { ...style, size: sizeToFitLine(doc, p.text, style, width, 18 * scale) };
      return { ...p, style, height: heightOf(doc, p.text, style, width) };
    });
    const gap = 7 * scale;
    const total = styled.reduce((sum, p) => sum + p.height, 0) + gap * Math.max(0, styled.length - 1);
    return { styled, gap, total };
  };
  let layout = layoutAt(1);
  for (let scale = 0.95; layout.total > bottom - top && scale >= 0.4; scale -= 0.05) layout = layoutAt(scale);

  let y = top + Math.max(0, (bottom - top - layout.total) / 2);
  for (const p of layout.styled) {
    if (y >= bottom) break;
    write(doc, p.text, { x: SIDE + 10, y, width, height: bottom - y }, p.style, p.kind === 'display' ? ACCENT : INK);
    y += p.height + layout.gap;
  }
}

function image(
  doc: PDFKit.PDFDocument,
  bytes: Buffer,
  name: 'background' | 'logo',
  x: number,
  y: number,
  options: PDFKit.Mixins.ImageOption,
): void {
  try {
    doc.image(bytes, x, y, options);
  } catch (err) {
    throw new Error(`The certificate ${name} is not a readable PNG or JPEG image`, { cause: err });
  }
}
