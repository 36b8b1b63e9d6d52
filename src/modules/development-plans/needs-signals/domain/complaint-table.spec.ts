import { readComplaintTable } from './complaint-table';

const now = new Date('2026-05-10T03:00:00Z');

describe('reading a complaint import', () => {
  it('reads rows after a header, tidying spaces', () => {
    const { rows, problems } = readComplaintTable(
      [
        ['kode_unit', 'layanan', 'tema', 'periode', 'jumlah'],
        ['U-1', ' Loket  KTP ', 'Petugas tidak ramah', '2026-04', '12'],
        ['', '', '', '', ''],
        ['U-1', 'Loket KTP', 'Antrean lama', '2026-03', '0'],
      ],
      now,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        unitCode: 'U-1',
        serviceArea: 'Loket KTP',
        theme: 'Petugas tidak ramah',
        period: '2026-04',
        count: 12,
      },
      { line: 4, unitCode: 'U-1', serviceArea: 'Loket KTP', theme: 'Antrean lama', period: '2026-03', count: 0 },
    ]);
  });

  it.each([
    ['a month that is not YYYY-MM', ['U-1', 'Loket', 'Tema', '04/2026', '3'], 'line 1: period', 'format'],
    ['a month that has not begun', ['U-1', 'Loket', 'Tema', '2026-06', '3'], 'line 1: period', 'not_future'],
    ['month 13', ['U-1', 'Loket', 'Tema', '2026-13', '3'], 'line 1: period', 'format'],
    ['a negative count', ['U-1', 'Loket', 'Tema', '2026-04', '-2'], 'line 1: count', 'integer'],
    ['a fractional count', ['U-1', 'Loket', 'Tema', '2026-04', '2,5'], 'line 1: count', 'integer'],
    ['no unit code', ['', 'Loket', 'Tema', '2026-04', '2'], 'line 1: unitCode', 'required'],
    ['no theme', ['U-1', 'Loket', '', '2026-04', '2'], 'line 1: theme', 'required'],
    ['a theme too long', ['U-1', 'Loket', 'x'.repeat(121), '2026-04', '2'], 'line 1: theme', 'max_length'],
  ])('names %s', (_name, cells, field, rule) => {
    const { rows, problems } = readComplaintTable([cells], now);
    expect(rows).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('refuses a row that repeats an earlier one, naming both lines', () => {
    const { problems } = readComplaintTable(
      [
        ['U-1', 'Loket KTP', 'Antrean lama', '2026-04', '3'],
        ['u-1', 'loket ktp', 'ANTREAN LAMA', '2026-04', '4'],
      ],
      now,
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'line 2: period', rule: 'duplicate' })]);
    expect(problems[0].message).toContain('line 1');
  });
});
