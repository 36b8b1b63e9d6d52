/**
 * The page's fixed measures and colours (A4 landscape, 842 × 595 pt). Near-black text on
 * white with one dark accent, so that the certificate prints well on an office laser printer.
 */
export const INK = '#1a1a1a';
export const ACCENT = '#1f3a68';
export const MUTED = '#3d3d3d';

/** Names the two embedded fonts are registered under. */
export const REGULAR = 'regular';
export const BOLD = 'bold';

export const MM = 72 / 25.4;
/** Left and right margin of the heading and the body text. */
export const SIDE = 90;
/** From the page's bottom edge to the last line of text. */
export const BOTTOM_GAP = 40;
/** The bottom-left column with the QR code, the serial and the verification address. */
export const CORNER = { x: 44, width: 220 };
