import { CertificateContent, DEFAULT_DESIGN, ShownFields } from './certificate-content';
import { displayPlaceholder, fillPlaceholders, PLACEHOLDERS, placeholderValues } from './placeholders';

const content: CertificateContent = {
  serial: 'BINA-3674-2026-000123',
  verificationUrl: 'https://bina.example.go.id/verifikasi/ABC123',
  holder: { name: 'Siti Nurhaliza', nip: '198609262015051001' },
  course: { title: 'Pelayanan Publik Prima', jp: 2.5 },
  competencies: [
    { code: 'M.05', name: 'Pelayanan Publik', level: 3 },
    { code: 'M.03', name: 'Komunikasi', level: 2 },
  ],
  completedOn: '2026-11-25',
  issuer: { name: 'BKPSDM Kota Tangerang Selatan', place: 'Tangerang Selatan' },
  issuedOn: '2026-11-26',
};
const all: ShownFields = { nip: true, competencies: true, jp: true, qr: true, serial: true };
/** Level and number never part at a line end. */
const nb = '\u00a0';
const none: ShownFields = { nip: false, competencies: false, jp: false, qr: false, serial: false };

describe('placeholderValues', () => {
  it('has a value for every placeholder', () => {
    expect(Object.keys(placeholderValues(content, all)).sort()).toEqual([...PLACEHOLDERS].sort());
  });
});

describe('fillPlaceholders', () => {
  it.each<[string, string, ShownFields, string]>([
    ['the name', 'Diberikan kepada {nama}', all, 'Diberikan kepada Siti Nurhaliza'],
    ['the NIP, grouped', 'NIP {nip}', all, 'NIP 19860926 201505 1 001'],
    ['the course', '{kursus}', all, 'Pelayanan Publik Prima'],
    ['JP with a decimal comma', '{jp}', all, '2,5 JP'],
    ['competencies with levels', '{kompetensi}', all, `Pelayanan Publik (Level${nb}3) dan Komunikasi (Level${nb}2)`],
    ['the completion day in Indonesian', '{tanggal}', all, '25 November 2026'],
    ['every occurrence', '{nama} / {nama}', all, 'Siti Nurhaliza / Siti Nurhaliza'],
    ['unknown words as they are', 'Angkatan {angkatan} {nama}', all, 'Angkatan {angkatan} Siti Nurhaliza'],
    ['plain text as it is', 'yang telah menyelesaikan', all, 'yang telah menyelesaikan'],
    ['brackets without placeholders as text', 'Angkatan [I] {nama}', all, 'Angkatan [I] Siti Nurhaliza'],
    ['nothing for a hidden NIP', '{nip}', none, ''],
    ['no block for a hidden NIP', 'NIP {nip}', none, ''],
    ['the rest of a block around a hidden NIP', '{nama}, NIP {nip}', none, 'Siti Nurhaliza, NIP'],
    ['nothing for hidden JP', 'dengan beban belajar {jp}', { ...all, jp: false }, ''],
    ['nothing for hidden competencies', 'Kompetensi: {kompetensi}', { ...all, competencies: false }, ''],
    [
      'a shown bracketed part without its brackets',
      'pada {tanggal}[ selama {jp}].',
      all,
      'pada 25 November 2026 selama 2,5 JP.',
    ],
    ['no bracketed part for a hidden value', 'pada {tanggal}[ selama {jp}].', none, 'pada 25 November 2026.'],
  ])('prints %s', (_, text, show, printed) => {
    expect(fillPlaceholders(text, content, show)).toBe(printed);
  });

  it('prints nothing for a missing NIP even when NIPs are shown', () => {
    const noNip = { ...content, holder: { name: 'Tenaga Ahli', nip: null } };
    expect(fillPlaceholders('NIP {nip}', noNip, all)).toBe('');
  });

  it('prints nothing for competencies when the course has none', () => {
    expect(fillPlaceholders('Kompetensi: {kompetensi}', { ...content, competencies: [] }, all)).toBe('');
  });

  it('lists three competencies the Indonesian way', () => {
    const three = [...content.competencies, { code: 'M.01', name: 'Integritas', level: 4 }];
    expect(fillPlaceholders('{kompetensi}', { ...content, competencies: three }, all)).toBe(
      `Pelayanan Publik (Level${nb}3), Komunikasi (Level${nb}2), dan Integritas (Level${nb}4)`,
    );
  });

  it('reads the default design as one certificate sentence', () => {
    const printed = DEFAULT_DESIGN.blocks.map((b) => fillPlaceholders(b, content, all)).filter(Boolean);
    expect(printed).toEqual([
      'Diberikan kepada',
      'Siti Nurhaliza',
      'NIP 19860926 201505 1 001',
      'yang telah menyelesaikan pelatihan',
      'Pelayanan Publik Prima',
      'pada tanggal 25 November 2026 dengan beban belajar 2,5 JP untuk pengembangan kompetensi ' +
        `Pelayanan Publik (Level${nb}3) dan Komunikasi (Level${nb}2).`,
    ]);
    const bare = DEFAULT_DESIGN.blocks.map((b) => fillPlaceholders(b, content, none)).filter(Boolean);
    expect(bare).toEqual([
      'Diberikan kepada',
      'Siti Nurhaliza',
      'yang telah menyelesaikan pelatihan',
      'Pelayanan Publik Prima',
      'pada tanggal 25 November 2026.',
    ]);
  });

  it('only uses known placeholders in the default design, in at most six blocks', () => {
    const used = DEFAULT_DESIGN.blocks.flatMap((b) => [...b.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]));
    expect(used.every((name) => (PLACEHOLDERS as readonly string[]).includes(name))).toBe(true);
    expect(DEFAULT_DESIGN.blocks.length).toBeLessThanOrEqual(6);
  });
});

describe('displayPlaceholder', () => {
  it.each([
    ['{nama}', 'nama'],
    [' {kursus} ', 'kursus'],
    ['Diberikan kepada {nama}', null],
    ['{nama} {nip}', null],
    ['{angkatan}', null],
    ['', null],
  ])('%j is a display line for %p', (block, name) => {
    expect(displayPlaceholder(block)).toBe(name);
  });
});
