import PDFDocument from 'pdfkit';
import { decodeQrCodes, pdfFonts, pdfFontsEmbedded, pdfMetadata, readPdfText } from '../../../../libs/testing/pdf';
import { CertificateContent, CertificateDesign, DEFAULT_DESIGN } from './certificate-content';
import { renderCertificatePdf } from './certificate-pdf';
import { encodeGrayscalePng } from './grayscale-png';

const content: CertificateContent = {
  serial: 'BINA-3674-2026-000123',
  verificationUrl: 'https://bina.tangerangselatankota.go.id/verifikasi/7KQ2M9XW4RTP8V3NH6CJ5DFGAB',
  holder: {
    name: 'Prof. Dr. Ir. Raden Ajeng Kartika Dewi Sekar Ayu Ningrum Wulandari Puspitasari, S.T., M.Sc., M.Kom.',
    nip: '198609262015051001',
  },
  course: { title: 'Manajemen Risiko dan Pengendalian Intern dalam Pelayanan Publik', jp: 2.5 },
  competencies: [
    { code: 'M.01', name: 'Integritas', level: 3 },
    { code: 'M.05', name: 'Pelayanan Publik', level: 4 },
    { code: 'T.KEU.02', name: 'Manajemen Risiko', level: 2 },
  ],
  completedOn: '2026-11-25',
  issuer: { name: 'BKPSDM Kota Tangerang Selatan', place: 'Tangerang Selatan' },
  issuedOn: '2026-11-26',
};

const design: CertificateDesign = {
  ...DEFAULT_DESIGN,
  signatories: [
    {
      name: 'Dra. Siti Rahmawati, M.Si.',
      nip: '197001012000032001',
      position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Tangerang Selatan',
    },
    { name: 'Drs. H. Benyamin Davnie', nip: null, position: 'Wali Kota Tangerang Selatan' },
  ],
};

/** The page's text on one line: how the words read, wherever the layout broke the lines. */
const flat = async (pdf: Buffer) => (await readPdfText(pdf)).replace(/\s+/g, ' ');

describe('renderCertificatePdf', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderCertificatePdf(content, design);
    text = await flat(pdf);
  });

  it.each([
    ['the heading', 'SERTIFIKAT'],
    ['the long name, whole', content.holder.name],
    ['the NIP, grouped', 'NIP 19860926 201505 1 001'],
    ['the course', content.course.title],
    ['fractional JP with a decimal comma', '2,5 JP'],
    ['the first competency and its level', 'Integritas (Level 3)'],
    ['the second competency and its level', 'Pelayanan Publik (Level 4)'],
    ['the third competency and its level', 'Manajemen Risiko (Level 2)'],
    ['the completion day in Indonesian', '25 November 2026'],
    ['the issuing unit', 'BKPSDM Kota Tangerang Selatan'],
    ['the place and issue day', 'Tangerang Selatan, 26 November 2026'],
    ['the first signatory', 'Dra. Siti Rahmawati, M.Si.'],
    ['the first signatory’s NIP, grouped', 'NIP 19700101 200003 2 001'],
    [
      'the first signatory’s position',
      'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Tangerang Selatan',
    ],
    ['the second signatory', 'Drs. H. Benyamin Davnie'],
    ['the second signatory’s position', 'Wali Kota Tangerang Selatan'],
    ['the serial', 'No. BINA-3674-2026-000123'],
  ])('prints %s', (_, expected) => {
    expect(text).toContain(expected);
  });

  it('prints the verification address, for a reader without a phone', () => {
    expect(text.replace(/\s+/g, '')).toContain(`Verifikasi:${content.verificationUrl}`);
  });

  it('has a QR code that reads exactly the verification address', async () => {
    expect(await decodeQrCodes(pdf)).toEqual([content.verificationUrl]);
  });

  it('embeds its fonts, Noto Sans regular and bold, and no other', async () => {
    expect(await pdfFontsEmbedded(pdf)).toBe(true);
    const names = (await pdfFonts(pdf)).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort();
    expect(names).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
  });

  it('is one A4 landscape page, with metadata dated on the issue day', async () => {
    expect(await pdfMetadata(pdf)).toEqual({
      pages: 1,
      pageSize: { width: 842, height: 595 },
      title: `Sertifikat ${content.course.title} — ${content.holder.name}`,
      author: 'BKPSDM Kota Tangerang Selatan',
      subject: expect.stringContaining(content.serial),
      keywords: content.serial,
      creator: 'Bina',
      creationDate: new Date('2026-11-26T00:00:00+07:00'),
    });
  });

  it('gives the same bytes for the same certificate', async () => {
    expect((await renderCertificatePdf(content, design)).equals(pdf)).toBe(true);
  });

  it('leaves the holder’s NIP out when the design hides it', async () => {
    const hidden = await flat(await renderCertificatePdf(content, { ...design, show: { ...design.show, nip: false } }));
    expect(hidden).not.toContain('19860926 201505 1 001');
    expect(hidden).not.toContain(content.holder.nip);
    expect(hidden).toContain(content.holder.name);
    expect(hidden).toContain('NIP 19700101 200003 2 001'); // a signatory's NIP is not the holder's
  });

  it('leaves out JP, competencies, QR code and serial when the design hides them', async () => {
    const bare = await renderCertificatePdf(content, {
      ...design,
      show: { nip: true, competencies: false, jp: false, qr: false, serial: false },
    });
    const printed = await flat(bare);
    for (const absent of ['2,5 JP', 'Integritas', content.serial, 'Verifikasi']) expect(printed).not.toContain(absent);
    expect(printed).toContain('pada tanggal 25 November 2026.');
    expect(await decodeQrCodes(bare)).toEqual([]);
  });

  it('draws a background and a logo, and still one readable QR code', async () => {
    const background = encodeGrayscalePng(84, 60, new Uint8Array(84 * 60).fill(236));
    const logo = encodeGrayscalePng(40, 40, new Uint8Array(1600).fill(60));
    const decorated = await renderCertificatePdf(content, { ...design, background, logo });
    expect(await decodeQrCodes(decorated)).toEqual([content.verificationUrl]);
    expect(await flat(decorated)).toContain(content.holder.name);
  });

  it('fits the longest blocks the editor allows (6 × 600 characters) on one page, every word of them', async () => {
    const filler = `{nama} ${'mengikuti pelatihan yang diselenggarakan secara daring bagi aparatur sipil negara. '.repeat(8)}`;
    const blocks = Array.from({ length: 6 }, (_, i) => `${filler.slice(0, 590)} AKHIR-${i + 1}`);
    const position =
      'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Provinsi Sumatera Utara, Penanggung Jawab Program';
    const crowded = await renderCertificatePdf(content, {
      ...design,
      heading: 'PIAGAM PENGHARGAAN ATAS PARTISIPASI DALAM PELATIHAN KEPEMIMPINAN NASIONAL TINGKAT II ANGKATAN',
      blocks,
      signatories: Array.from({ length: 3 }, (_, i) => ({ name: `Penandatangan Ke-${i + 1}`, nip: null, position })),
    });
    expect((await pdfMetadata(crowded)).pages).toBe(1);
    const printed = await flat(crowded);
    for (let i = 1; i <= 6; i++) expect(printed).toContain(`AKHIR-${i}`);
    expect(printed).toContain('Penandatangan Ke-3');
    expect(await decodeQrCodes(crowded)).toEqual([content.verificationUrl]);
  });

  it.each<[string, Partial<CertificateDesign>, string]>([
    ['a background that is not an image', { background: Buffer.from('not an image') }, 'background'],
    ['a logo that is not an image', { logo: Buffer.from('not an image') }, 'logo'],
    ['four signatories', { signatories: Array.from({ length: 4 }, () => design.signatories[1]) }, 'three'],
  ])('refuses %s', async (_, change, message) => {
    await expect(renderCertificatePdf(content, { ...design, ...change })).rejects.toThrow(message);
  });

  it('refuses a day that is not a calendar day', async () => {
    await expect(renderCertificatePdf({ ...content, completedOn: '2026-02-30' }, design)).rejects.toThrow(
      'calendar day',
    );
  });
});

describe('the PDF test kit', () => {
  it('notices a font that is not embedded', async () => {
    const doc = new PDFDocument({ size: 'A4' }); // Helvetica, a standard-14 font
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.text('Helvetica', 50, 50);
    doc.end();
    const pdf = await done;
    expect(await readPdfText(pdf)).toContain('Helvetica');
    expect(await pdfFontsEmbedded(pdf)).toBe(false);
  });
});
