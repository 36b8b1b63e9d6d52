/**
 * Sizing text to a box. Long names and titles are normal here (a full name with two
 * degrees, a 150-character training title): they shrink first, and wrap only when
 * shrinking further would make them too small to read.
 */

export interface TextStyle {
  font: string;
  size: number;
  lineGap?: number;
  /** Letter spacing as a fraction of the size, so that it scales with the text. */
  tracking?: number;
}

export function applyStyle(doc: PDFKit.PDFDocument, style: TextStyle): PDFKit.PDFDocument {
  return doc.font(style.font).fontSize(style.size);
}

export function textOptions(style: TextStyle, width: number, extra: PDFKit.Mixins.TextOptions = {}) {
  return {
    width,
    align: 'center' as const,
    lineGap: style.lineGap ?? 0,
    characterSpacing: (style.tracking ?? 0) * style.size,
    ...extra,
  };
}

/**
 * The largest size from `style.size` down to `minSize` at which `text` fits on one line of
 * `width`. Width grows linearly with size (tracking is proportional too), so one
 * measurement gives the answer; the result is rounded down to a quarter point.
 */
export function sizeToFitLine(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number, minSize: number) {
  applyStyle(doc, style);
  const measured = doc.widthOfString(text, textOptions(style, width));
  if (measured <= width) return style.size;
  return Math.max(minSize, Math.floor(((style.size * width) / measured) * 4) / 4);
}

/** Writes `text` centred in `width`, in `style`; `height` only keeps PDFKit from ever starting a second page. */
export function write(
  doc: PDFKit.PDFDocument,
  text: string,
  at: { x: number; y: number; width: number; height: number },
  style: TextStyle,
  color: string,
  extra: PDFKit.Mixins.TextOptions = {},
): void {
  applyStyle(doc, style)
    .fillColor(color)
    .text(text, at.x, at.y, textOptions(style, at.width, { height: at.height, ...extra }));
}

/** Height of `text` wrapped to `width` in `style`. */
export function heightOf(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): number {
  applyStyle(doc, style);
  return doc.heightOfString(text, textOptions(style, width));
}

/**
 * One line, shrunk to fit `width` (down to `minSize`, then wrapped rather than shrunk
 * further); returns the y below it.
 */
export function writeLine(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  minSize: number,
  at: { x: number; y: number; width: number },
  color: string,
  extra: PDFKit.Mixins.TextOptions = {},
): number {
  const fitted = { ...style, size: sizeToFitLine(doc, text, style, at.width, minSize) };
  const height = heightOf(doc, text, fitted, at.width);
  // A little slack: a line exactly as tall as its box could be dropped by rounding.
  write(doc, text, { ...at, height: height + 2 }, fitted, color, extra);
  return at.y + height;
}

/** The height `writeLine` will take. */
export function lineHeight(doc: PDFKit.PDFDocument, text: string, style: TextStyle, minSize: number, width: number) {
  return heightOf(doc, text, { ...style, size: sizeToFitLine(doc, text, style, width, minSize) }, width);
}
