import QRCode from 'qrcode';
import { encodeGrayscalePng } from './grayscale-png';

/** The white border a reader needs around the symbol (ISO/IEC 18004 asks for 4 modules). */
const QUIET_MODULES = 4;
/** Pixels per module: ~300 dpi when the symbol prints at 27 mm, and crisp in any viewer. */
const PIXELS_PER_MODULE = 8;

export interface QrImage {
  png: Buffer;
  /** Modules across the symbol itself (21 for version 1, 4 more per version). */
  modules: number;
  /** Modules across the whole image, quiet zone included. */
  imageModules: number;
}

/**
 * A QR code of `text` (error correction M: still reads with 15% of it smudged or stamped
 * over) as a black-on-white grayscale PNG. The quiet zone is part of the image, so that a
 * designed background can never crowd the symbol.
 */
export function qrImage(text: string): QrImage {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const imageModules = modules.size + 2 * QUIET_MODULES;
  const side = imageModules * PIXELS_PER_MODULE;
  const pixels = new Uint8Array(side * side).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const top = (row + QUIET_MODULES) * PIXELS_PER_MODULE;
      const left = (col + QUIET_MODULES) * PIXELS_PER_MODULE;
      for (let y = top; y < top + PIXELS_PER_MODULE; y++)
        pixels.fill(0, y * side + left, y * side + left + PIXELS_PER_MODULE);
    }
  }
  return { png: encodeGrayscalePng(side, side, pixels), modules: modules.size, imageModules };
}
