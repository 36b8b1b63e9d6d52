import { wibYearOf } from './wib-year';

describe('wibYearOf', () => {
  it.each([
    ['2026-12-31T16:30:00Z', 2026], // 23:30 WIB on 31 December
    ['2026-12-31T17:00:00Z', 2027], // 00:00 WIB on 1 January
    ['2027-01-01T00:00:00+07:00', 2027],
  ])('%s is in %i', (iso, year) => expect(wibYearOf(new Date(iso))).toBe(year));
});
