import { crc32, inflateSync } from 'node:zlib';
import { encodeGrayscalePng } from './grayscale-png';

function chunksOf(png: Buffer) {
  const chunks: Array<{ type: string; data: Buffer; crcOk: boolean }> = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    chunks.push({ type, data, crcOk });
    at += 12 + length;
  }
  return chunks;
}

describe('encodeGrayscalePng', () => {
  const pixels = Uint8Array.from([0, 255, 0, 255, 0, 255]); // 3 × 2 checkerboard
  const png = encodeGrayscalePng(3, 2, pixels);

  it('writes the PNG signature and IHDR, IDAT, IEND with valid checksums', () => {
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
  });

  it('describes an 8-bit grayscale image without interlacing', () => {
    const ihdr = chunksOf(png)[0].data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([3, 2, 8, 0, 0, 0, 0]);
  });

  it('stores each row behind a "no filter" byte', () => {
    const rows = inflateSync(chunksOf(png)[1].data);
    expect([...rows]).toEqual([0, 0, 255, 0, 0, 255, 0, 255]);
  });

  it.each([
    [0, 1, new Uint8Array(0)],
    [2, 2, new Uint8Array(3)],
    [1.5, 2, new Uint8Array(3)],
  ])('refuses a %p × %p image of the wrong shape', (width, height, data) => {
    expect(() => encodeGrayscalePng(width, height, data)).toThrow();
  });
});
