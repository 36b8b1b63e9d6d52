import { formatDecimal, formatIndonesianDate, formatJp, formatNip, joinIndonesian } from './indonesian-format';

describe('formatIndonesianDate', () => {
  it.each([
    ['2026-11-25', '25 November 2026'],
    ['2026-01-01', '1 Januari 2026'],
    ['2024-02-29', '29 Februari 2024'],
    ['2026-03-09', '9 Maret 2026'],
    ['2026-05-31', '31 Mei 2026'],
    ['2026-08-17', '17 Agustus 2026'],
    ['2026-12-31', '31 Desember 2026'],
  ])('writes %s as %s', (day, text) => {
    expect(formatIndonesianDate(day)).toBe(text);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '25-11-2026', '2026-11-25T10:00:00Z', ''])(
    'refuses %j, which is not a calendar day',
    (day) => {
      expect(() => formatIndonesianDate(day)).toThrow('Not a calendar day');
    },
  );
});

describe('formatDecimal', () => {
  it.each([
    [0, '0'],
    [2, '2'],
    [2.5, '2,5'],
    [0.75, '0,75'],
    [2.25, '2,25'],
    [1 / 3, '0,33'],
    [0.1 + 0.2, '0,3'],
    [20.0, '20'],
    [1500, '1.500'],
    [1234567.5, '1.234.567,5'],
    [-2.5, '-2,5'],
    [-0.001, '0'],
  ])('writes %p as %s', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatDecimal(NaN)).toThrow();
    expect(() => formatDecimal(Infinity)).toThrow();
  });
});

describe('formatJp', () => {
  it.each([
    [2.5, '2,5 JP'],
    [20, '20 JP'],
    [0.5, '0,5 JP'],
  ])('writes %p as %s', (jp, text) => {
    expect(formatJp(jp)).toBe(text);
  });
});

describe('formatNip', () => {
  it.each([
    ['198609262015051001', '19860926 201505 1 001'],
    ['19860926 201505 1 001', '19860926 201505 1 001'],
    [' 199001152015031002 ', '19900115 201503 1 002'],
    ['12345', '12345'],
    ['  not a nip ', 'not a nip'],
  ])('writes %j as %j', (nip, text) => {
    expect(formatNip(nip)).toBe(text);
  });
});

describe('joinIndonesian', () => {
  it.each([
    [[], ''],
    [['Integritas'], 'Integritas'],
    [['Integritas', 'Kerjasama'], 'Integritas dan Kerjasama'],
    [['Integritas', 'Kerjasama', 'Komunikasi'], 'Integritas, Kerjasama, dan Komunikasi'],
  ])('joins %j as %j', (items, text) => {
    expect(joinIndonesian(items)).toBe(text);
  });
});
