export type FileFamily = 'pdf' | 'office' | 'video' | 'image';

export interface FileKind {
  family: FileFamily;
  mime: string;
  extension: string;
}

const kind = (family: FileFamily, mime: string, extension: string): FileKind => ({ family, mime, extension });

const OOXML: Array<[string, FileKind]> = [
  ['word/', kind('office', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx')],
  ['xl/', kind('office', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx')],
  ['ppt/', kind('office', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx')],
];

const ODF: Record<string, FileKind> = {
  'application/vnd.oasis.opendocument.text': kind('office', 'application/vnd.oasis.opendocument.text', 'odt'),
  'application/vnd.oasis.opendocument.spreadsheet': kind(
    'office',
    'application/vnd.oasis.opendocument.spreadsheet',
    'ods',
  ),
  'application/vnd.oasis.opendocument.presentation': kind(
    'office',
    'application/vnd.oasis.opendocument.presentation',
    'odp',
  ),
};

const MP4_BRANDS = /^(isom|iso[2-9]|mp41|mp42|avc1|M4V |M4VH|M4VP|dash|mmp4|3gp[4-6])$/;

const startsWith = (buf: Buffer, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

/**
 * What a file is, by its content only (never its name or the browser's claim): the magic
 * bytes of PDF, PNG, JPEG, WebP, GIF, MP4, WebM, OOXML and ODF (zip) and legacy Office
 * (OLE2). Anything else — HTML, SVG, scripts, executables, a plain zip — is null.
 */
export function detectFileKind(content: Buffer): FileKind | null {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return kind('pdf', 'application/pdf', 'pdf');
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return kind('image', 'image/png', 'png');
  if (startsWith(content, [0xff, 0xd8, 0xff])) return kind('image', 'image/jpeg', 'jpg');
  if (ascii(content, 0, 4) === 'RIFF' && ascii(content, 8, 12) === 'WEBP') return kind('image', 'image/webp', 'webp');
  if (/^GIF8[79]a$/.test(ascii(content, 0, 6))) return kind('image', 'image/gif', 'gif');
  if (ascii(content, 4, 8) === 'ftyp' && MP4_BRANDS.test(ascii(content, 8, 12)))
    return kind('video', 'video/mp4', 'mp4');
  if (startsWith(content, [0x1a, 0x45, 0xdf, 0xa3])) return kind('video', 'video/webm', 'webm');
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return kind('office', 'application/msword', 'doc');
  }
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return zipKind(content);
  return null;
}

/** OOXML names its parts word/, xl/ or ppt/; ODF stores its type in a first entry "mimetype". */
function zipKind(content: Buffer): FileKind | null {
  if (content.length < 30) return null;
  const nameLength = content.readUInt16LE(26);
  const extraLength = content.readUInt16LE(28);
  if (ascii(content, 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    const declared = ascii(content, start, start + 60);
    const odf = Object.keys(ODF).find((mime) => declared.startsWith(mime) && !declared.startsWith(`${mime}-`));
    return odf ? ODF[odf] : null;
  }
  const names = content.toString('latin1');
  if (!names.includes('[Content_Types].xml')) return null;
  return OOXML.find(([prefix]) => names.includes(prefix))?.[1] ?? null;
}

export function acceptsFamily(kind: FileKind | null, allowed: readonly FileFamily[]): kind is FileKind {
  return kind !== null && allowed.includes(kind.family);
}
