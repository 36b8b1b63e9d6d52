import { acceptsFamily, detectFileKind } from './file-kind';

/** A minimal zip: one stored local file header per entry (enough for content sniffing). */
function zip(entries: Array<[string, string]>): Buffer {
  return Buffer.concat(
    entries.map(([name, body]) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      header.writeUInt16LE(0, 28);
      header.writeUInt32LE(Buffer.byteLength(body), 18);
      header.writeUInt32LE(Buffer.byteLength(body), 22);
      return Buffer.concat([header, Buffer.from(name), Buffer.from(body)]);
    }),
  );
}

const bytes = (...values: number[]) => Buffer.from(values);
const withTail = (head: Buffer | string) => Buffer.concat([Buffer.from(head as string), Buffer.alloc(32)]);

describe('detectFileKind', () => {
  it.each([
    ['PDF', withTail('%PDF-1.7\n'), 'pdf', 'application/pdf', 'pdf'],
    ['PNG', withTail(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'image', 'image/png', 'png'],
    ['JPEG', withTail(bytes(0xff, 0xd8, 0xff, 0xe0)), 'image', 'image/jpeg', 'jpg'],
    ['WebP', withTail('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image', 'image/webp', 'webp'],
    ['GIF', withTail('GIF89a'), 'image', 'image/gif', 'gif'],
    ['MP4', withTail(Buffer.concat([bytes(0, 0, 0, 0x20), Buffer.from('ftypisom')])), 'video', 'video/mp4', 'mp4'],
    ['WebM', withTail(bytes(0x1a, 0x45, 0xdf, 0xa3)), 'video', 'video/webm', 'webm'],
    [
      'legacy Word',
      withTail(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)),
      'office',
      'application/msword',
      'doc',
    ],
    [
      'docx',
      zip([
        ['[Content_Types].xml', '<Types/>'],
        ['word/document.xml', '<w:document/>'],
      ]),
      'office',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    ],
    [
      'xlsx',
      zip([
        ['[Content_Types].xml', '<Types/>'],
        ['xl/workbook.xml', '<workbook/>'],
      ]),
      'office',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'xlsx',
    ],
    [
      'pptx',
      zip([
        ['[Content_Types].xml', '<Types/>'],
        ['ppt/presentation.xml', '<p/>'],
      ]),
      'office',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'pptx',
    ],
    [
      'odt',
      zip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<x/>'],
      ]),
      'office',
      'application/vnd.oasis.opendocument.text',
      'odt',
    ],
  ])('recognises %s by its bytes', (_name, content, family, mime, extension) => {
    expect(detectFileKind(content)).toEqual({ family, mime, extension });
  });

  it.each([
    ['HTML renamed to .pdf', withTail('<!doctype html><script>alert(1)</script>')],
    ['SVG', withTail('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['a Windows executable', withTail('MZ\x90\x00')],
    ['plain text', withTail('NIP;Nama\n')],
    ['a plain zip', zip([['readme.txt', 'hi']])],
    ['an ODF-looking zip of another type', zip([['mimetype', 'application/vnd.oasis.opendocument.graphics']])],
    ['an empty file', Buffer.alloc(0)],
  ])('refuses %s', (_name, content) => {
    expect(detectFileKind(content)).toBeNull();
  });

  it('checks the family a use allows', () => {
    const pdf = detectFileKind(withTail('%PDF-1.4'));
    expect(acceptsFamily(pdf, ['pdf', 'office'])).toBe(true);
    expect(acceptsFamily(pdf, ['video'])).toBe(false);
    expect(acceptsFamily(null, ['pdf'])).toBe(false);
  });
});
