import { readFileSync } from 'node:fs';
import { certificateFonts, woffToSfnt } from './fonts';

/** The sfnt checksum of a table: the sum of its big-endian 32-bit words, zero-padded. */
function tableChecksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function tablesOf(sfnt: Buffer) {
  return Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => {
    const entry = 12 + i * 16;
    const offset = sfnt.readUInt32BE(entry + 8);
    return {
      tag: sfnt.toString('latin1', entry, entry + 4),
      checksum: sfnt.readUInt32BE(entry + 4),
      data: sfnt.subarray(offset, offset + sfnt.readUInt32BE(entry + 12)),
    };
  });
}

describe('certificateFonts', () => {
  it.each(['regular', 'bold'] as const)('unpacks the %s Noto Sans into a TrueType file', (weight) => {
    const sfnt = certificateFonts()[weight];
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    const tables = tablesOf(sfnt);
    expect(tables.map((t) => t.tag)).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca', 'name']));
    // Each table's bytes add up to the checksum the font was made with: the inflation is exact.
    // ('head' holds the whole-file adjustment, computed with that field zeroed.)
    for (const table of tables.filter((t) => t.tag !== 'head')) {
      expect([table.tag, tableChecksum(table.data)]).toEqual([table.tag, table.checksum]);
    }
  });

  it('reads the files once per process', () => {
    expect(certificateFonts()).toBe(certificateFonts());
  });
});

describe('woffToSfnt', () => {
  it('refuses what is not a WOFF font', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, just some words here and more words'))).toThrow(
      'Not a WOFF 1.0 font',
    );
    const ttf = certificateFonts().regular;
    expect(() => woffToSfnt(ttf)).toThrow('Not a WOFF 1.0 font');
  });

  it('notices a damaged table', () => {
    const woff = Buffer.from(
      readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff')),
    );
    woff.writeUInt32BE(woff.readUInt32BE(44 + 12) + 1, 44 + 12); // first table's original length
    expect(() => woffToSfnt(woff)).toThrow(/Damaged WOFF|incorrect header|unexpected end|invalid/i);
  });
});
