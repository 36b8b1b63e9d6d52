import QRCode from 'qrcode';

/** Modules of white around the symbol, as ISO/IEC 18004 asks, so it reads when printed on a poster. */
const QUIET = 4;

/**
 * A QR code as one SVG path (a square per dark module) inside a `size`-unit viewBox, for
 * the counter poster and the admin page; error correction M survives smudges and tape.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET, path: parts.join('') };
}
