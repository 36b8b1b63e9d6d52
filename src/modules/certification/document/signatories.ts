import { CertificateContent, Signatory } from './certificate-content';
import { formatIndonesianDate, formatNip } from './indonesian-format';
import { BOLD, BOTTOM_GAP, CORNER, INK, REGULAR, SIDE } from './page-style';
import { heightOf, lineHeight, sizeToFitLine, TextStyle, write, writeLine } from './text-fitting';

/** From the bottom up: NIP, name, room to sign and stamp, position, and (last column) place and date. */
const NIP_LINE = 13;
const NAME_LINE = 16;
const SIGNATURE_ROOM = 50;
/** A position longer than this shrinks (to 8 pt) before it takes more lines. */
const POSITION_HEIGHT = 3 * 14;

/**
 * Up to three signatories side by side, names on one baseline whatever the length of their
 * positions; the place and date stand above the last one, as on Indonesian official letters.
 * Returns the top of the signature area, where the body text must end.
 */
export function drawSignatories(
  doc: PDFKit.PDFDocument,
  page: { width: number; height: number },
  content: CertificateContent,
  signatories: Signatory[],
  cornerShown: boolean,
): number {
  if (signatories.length > 3) throw new Error('A certificate has at most three signatories');
  const nipY = page.height - BOTTOM_GAP - NIP_LINE;
  const nameY = nipY - NAME_LINE;
  const positionBottom = nameY - SIGNATURE_ROOM;
  if (signatories.length === 0) return positionBottom;

  const left = cornerShown ? CORNER.x + CORNER.width + 20 : SIDE;
  const right = page.width - 56;
  const width = Math.min(250, (right - left) / signatories.length - 10);
  // One signatory stands on the right, where Indonesian letters are signed; more share the width.
  const centres =
    signatories.length === 1
      ? [right - width / 2]
      : signatories.map((_, i) => left + ((right - left) * (i + 0.5)) / signatories.length);
  const dateStyle: TextStyle = { font: REGULAR, size: 10 };
  const dateLine = content.issuer.place
    ? `${content.issuer.place.trim()}, ${formatIndonesianDate(content.issuedOn)}`
    : formatIndonesianDate(content.issuedOn);

  let top = positionBottom;
  signatories.forEach((signatory, i) => {
    const x = centres[i] - width / 2;
    const positionStyle = positionStyleFitting(doc, signatory.position, width);
    const positionHeight = heightOf(doc, signatory.position, positionStyle, width);
    let columnTop = positionBottom - positionHeight;
    write(doc, signatory.position, { x, y: columnTop, width, height: positionHeight + 2 }, positionStyle, INK);
    if (i === signatories.length - 1) {
      columnTop -= lineHeight(doc, dateLine, dateStyle, 7, width + 40) + 4;
      writeLine(doc, dateLine, dateStyle, 7, { x: x - 20, y: columnTop, width: width + 40 }, INK);
    }
    top = Math.min(top, columnTop);

    // A name too long for one line even when small grows upwards, into the room left for signing.
    const nameStyle: TextStyle = {
      font: BOLD,
      size: sizeToFitLine(doc, signatory.name, { font: BOLD, size: 11 }, width, 8.5),
    };
    const nameHeight = heightOf(doc, signatory.name, nameStyle, width);
    const grows = nameHeight - heightOf(doc, 'N', nameStyle, width);
    write(doc, signatory.name, { x, y: nameY - grows, width, height: nameHeight + 2 }, nameStyle, INK, {
      underline: true,
    });
    if (signatory.nip) {
      writeLine(doc, `NIP ${formatNip(signatory.nip)}`, { font: REGULAR, size: 9.5 }, 7, { x, y: nipY, width }, INK);
    }
  });
  return top;
}

function positionStyleFitting(doc: PDFKit.PDFDocument, text: string, width: number): TextStyle {
  let style: TextStyle = { font: REGULAR, size: 10, lineGap: 1 };
  while (style.size > 8 && heightOf(doc, text, style, width) > POSITION_HEIGHT) {
    style = { ...style, size: style.size - 0.5 };
  }
  return style;
}
