import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';

/**
 * Reading a generated PDF back the way a viewer does, through pdf.js: its text, the QR codes
 * in its images, its fonts and metadata. Tests assert on what a reader would see, not on
 * bytes that happen to be in the file.
 */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

// pdf.js ships as ES modules only. The SWC transform turns a written import() into require(),
// which cannot load an .mjs under Jest; an import() made by the Function constructor is left
// alone and goes through Jest's ESM loader (node --experimental-vm-modules) or Node's own.
// The source differs per load: V8 caches a compiled Function by its source, with the test file
// that first compiled it as the import's referrer, and a second test file in the same worker
// then imports "after the environment has been torn down".
const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as (
  specifier: string,
) => Promise<unknown>;
let pdfjs: Promise<PdfJs> | null = null;

const loadPdfJs = () => (pdfjs ??= importEsm('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>);

async function withPdf<T>(pdf: Buffer, use: (doc: PdfDocument, lib: PdfJs) => Promise<T>): Promise<T> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({
    data: new Uint8Array(pdf), // a copy: pdf.js takes ownership of what it is given
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  }).promise;
  try {
    return await use(doc, lib);
  } finally {
    await doc.destroy();
  }
}

async function eachPage<T>(doc: PdfDocument, read: (page: PdfPage) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let n = 1; n <= doc.numPages; n++) results.push(await read(await doc.getPage(n)));
  return results;
}

/** The text of every page, lines ended by "\n", pages separated by an empty line. */
export function readPdfText(pdf: Buffer): Promise<string> {
  return withPdf(pdf, async (doc) => {
    const pages = await eachPage(doc, async (page) => {
      const { items } = await page.getTextContent();
      return items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    });
    return pages.join('\n\n');
  });
}

/** The text of every QR code drawn as an image on page 1. */
export function decodeQrCodes(pdf: Buffer): Promise<string[]> {
  return withPdf(pdf, async (doc, lib) => {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const found: string[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      if (fn !== lib.OPS.paintImageXObject && fn !== lib.OPS.paintInlineImageXObject) continue;
      const arg = ops.argsArray[i][0];
      const image = (typeof arg === 'string' ? await pageObject(page, arg) : arg) as DecodedImage;
      const pixels = toRgba(image, lib);
      const code = pixels && jsQR(pixels, image.width, image.height);
      if (code) found.push(code.data);
    }
    return found;
  });
}

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** Images shared across pages live in commonObjs ("g_…"), the others in the page's objs. */
function pageObject(page: PdfPage, name: string): Promise<unknown> {
  const store = name.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => store.get(name, resolve));
}

/** pdf.js hands images over packed as 1-bit grey, RGB or RGBA; jsQR reads RGBA. */
function toRgba(image: DecodedImage, lib: PdfJs): Uint8ClampedArray | null {
  const { width, height, data, kind } = image;
  if (!data) return null;
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (kind === lib.ImageKind.RGBA_32BPP) {
    rgba.set(data.subarray(0, rgba.length));
  } else if (kind === lib.ImageKind.RGB_24BPP) {
    for (let p = 0; p < width * height; p++) {
      rgba.set(data.subarray(p * 3, p * 3 + 3), p * 4);
      rgba[p * 4 + 3] = 255;
    }
  } else if (kind === lib.ImageKind.GRAYSCALE_1BPP) {
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const white = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
        rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
        rgba[(y * width + x) * 4 + 3] = 255;
      }
    }
  } else {
    return null;
  }
  return rgba;
}

export interface PdfMetadata {
  pages: number;
  /** Of page 1, in points (A4 landscape: 842 × 595). */
  pageSize: { width: number; height: number };
  title: string | null;
  author: string | null;
  subject: string | null;
  keywords: string | null;
  creator: string | null;
  creationDate: Date | null;
}

/** The document information dictionary and the page count and size. */
export function pdfMetadata(pdf: Buffer): Promise<PdfMetadata> {
  return withPdf(pdf, async (doc, lib) => {
    const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
    const [x0, y0, x1, y1] = (await doc.getPage(1)).view;
    const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : null);
    const created = text('CreationDate');
    return {
      pages: doc.numPages,
      pageSize: { width: Math.round(x1 - x0), height: Math.round(y1 - y0) },
      title: text('Title'),
      author: text('Author'),
      subject: text('Subject'),
      keywords: text('Keywords'),
      creator: text('Creator'),
      creationDate: created ? lib.PDFDateString.toDateObject(created) : null,
    };
  });
}

export interface PdfFont {
  /** The font's PostScript name, with its subset tag ("BZJVGA+NotoSans-Regular"). */
  name: string;
  /** The font program is in the file, so every device prints the same glyphs. */
  embedded: boolean;
}

/** Every font the pages draw text with. */
export function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  return withPdf(pdf, async (doc, lib) => {
    const perPage = await eachPage(doc, async (page) => {
      const ops = await page.getOperatorList();
      const names = new Set<string>();
      ops.fnArray.forEach((fn, i) => fn === lib.OPS.setFont && names.add(String(ops.argsArray[i][0])));
      return Promise.all(
        [...names].map(async (loaded) => {
          const font = (await pageObject(page, loaded)) as { name?: string; missingFile?: boolean };
          return { name: font.name ?? loaded, embedded: font.missingFile !== true };
        }),
      );
    });
    const byName = new Map(perPage.flat().map((font) => [font.name, font]));
    return [...byName.values()];
  });
}

/** True when the pages draw text, and every font they use is embedded. */
export async function pdfFontsEmbedded(pdf: Buffer): Promise<boolean> {
  const fonts = await pdfFonts(pdf);
  return fonts.length > 0 && fonts.every((font) => font.embedded);
}
