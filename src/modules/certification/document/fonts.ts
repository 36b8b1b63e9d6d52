import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/**
 * Noto Sans (Latin) from @fontsource, resolved like a module so that the same code finds
 * it from the TypeScript sources and from dist/. The PDF embeds a subset of these; it
 * never falls back on the standard-14 fonts, which are not embedded and print differently
 * on every device.
 */
const FONT_FILES = {
  regular: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  bold: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
} as const;

export type FontWeight = keyof typeof FONT_FILES;
export type CertificateFonts = Record<FontWeight, Buffer>;

let loaded: CertificateFonts | null = null;

/** The fonts as TrueType bytes, read and unpacked once per process. */
export function certificateFonts(): CertificateFonts {
  loaded ??= {
    regular: woffToSfnt(readFileSync(require.resolve(FONT_FILES.regular))),
    bold: woffToSfnt(readFileSync(require.resolve(FONT_FILES.bold))),
  };
  return loaded;
}

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface Table {
  tag: number;
  checksum: number;
  data: Buffer;
}

/**
 * WOFF 1.0 → the TrueType file it wraps (the WOFF spec, section 5: each table is zlib-
 * compressed unless that did not make it smaller). fontkit reads WOFF directly, but it
 * inflates a table in pure JavaScript every time it reads it, which cost ~30 ms per
 * certificate; unpacking once with node's zlib takes about a millisecond.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('Not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const entry = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const original = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressed);
    const data = compressed < original ? inflateSync(stored) : stored;
    if (data.length !== original) throw new Error('Damaged WOFF font: a table has the wrong length');
    tables.push({ tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data });
  }
  return writeSfnt(flavor, tables);
}

/** Tables in the order given (WOFF keeps them sorted by tag, as sfnt requires), 4-byte aligned. */
function writeSfnt(flavor: number, tables: Table[]): Buffer {
  const padded = (n: number) => (n + 3) & ~3;
  const directory = SFNT_HEADER + tables.length * SFNT_ENTRY;
  const out = Buffer.alloc(tables.reduce((size, t) => size + padded(t.data.length), directory));
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(power * SFNT_ENTRY, 6); // searchRange
  out.writeUInt16BE(Math.log2(power), 8); // entrySelector
  out.writeUInt16BE((tables.length - power) * SFNT_ENTRY, 10); // rangeShift
  let offset = directory;
  tables.forEach((table, i) => {
    const entry = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(table.tag, entry);
    out.writeUInt32BE(table.checksum, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}
