import { ratingFromWords, readSkpTable } from './skp-table';

const NIP_A = '198609262015051001';
const NIP_B = '199001012015052002';

describe('SKP ratings in words', () => {
  it.each([
    ['Sangat Baik', 'sangat_baik'],
    ['baik', 'baik'],
    ['Butuh  Perbaikan', 'butuh_perbaikan'],
    ['KURANG', 'kurang'],
    ['sangat_kurang', 'sangat_kurang'],
    ['Needs improvement', 'butuh_perbaikan'],
    ['Cukup', null],
    ['', null],
  ])('%p reads as %p', (words, rating) => {
    expect(ratingFromWords(words)).toBe(rating);
  });
});

describe('reading an SKP table', () => {
  it.each([
    [
      'good rows, NIP with spaces, blank lines skipped',
      [['NIP', 'Tahun', 'Predikat'], ['19860926 201505 1 001', '2025', 'Baik'], [''], [NIP_B, '2025', 'Kurang']],
      [
        [2, NIP_A, 2025, 'baik'],
        [4, NIP_B, 2025, 'kurang'],
      ],
      [],
    ],
    [
      'each bad cell is named by line and column',
      [
        ['nip', 'tahun', 'predikat'],
        ['123', '2025', 'Baik'],
        [NIP_A, '2027', 'Baik'],
        [NIP_B, '2025', 'Cukup'],
      ],
      [],
      [
        ['line 2: nip', 'nip'],
        ['line 3: tahun', 'year'],
        ['line 4: predikat', 'rating'],
      ],
    ],
    [
      'a second rating of one person and year is refused',
      [
        ['NIP', 'Year', 'Rating'],
        [NIP_A, '2025', 'Baik'],
        [NIP_A, '2025', 'Kurang'],
        [NIP_A, '2024', 'Kurang'],
      ],
      [
        [2, NIP_A, 2025, 'baik'],
        [4, NIP_A, 2024, 'kurang'],
      ],
      [['line 3: nip', 'duplicate']],
    ],
    [
      'a missing column',
      [
        ['NIP', 'Tahun'],
        [NIP_A, '2025'],
      ],
      [],
      [['predikat', 'column_missing']],
    ],
    ['no rows', [['NIP', 'Tahun', 'Predikat']], [], [['file', 'empty']]],
  ])('%s', (_, table, rows, problems) => {
    const read = readSkpTable(table, 2026);
    expect(read.rows.map((r) => [r.line, r.nip, r.year, r.rating])).toEqual(rows);
    expect(read.problems.map((p) => [p.field, p.rule])).toEqual(problems);
  });
});
