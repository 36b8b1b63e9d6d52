import { wibDay, wibYear } from './wib';

describe('WIB days and years', () => {
  it.each([
    ['2026-12-31T16:29:59Z', '2026-12-31', 2026],
    ['2026-12-31T17:00:00Z', '2027-01-01', 2027],
    ['2026-03-01T23:00:00Z', '2026-03-02', 2026],
  ])('%s is %s in WIB', (utc, day, year) => {
    expect(wibDay(new Date(utc))).toBe(day);
    expect(wibYear(new Date(utc))).toBe(year);
  });
});
