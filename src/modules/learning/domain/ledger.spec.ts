import { ledgerYearOf, targetProgress, yearTotalTenths } from './ledger';

describe('JP ledger arithmetic', () => {
  it.each([
    ['2026-06-01T00:00:00Z', 2026],
    ['2026-12-31T16:59:59Z', 2026], // 23:59:59 WIB
    ['2026-12-31T17:00:00Z', 2027], // 00:00 WIB on 1 January
    ['2027-01-01T00:00:00+07:00', 2027],
  ])('a credit at %s counts for %i', (moment, year) => {
    expect(ledgerYearOf(new Date(moment))).toBe(year);
  });

  it.each([
    { lines: [], year: 2026, total: 0 },
    { lines: [{ year: 2026, jpTenths: 25 }], year: 2026, total: 25 },
    {
      lines: [
        { year: 2026, jpTenths: 25 },
        { year: 2026, jpTenths: 1 },
        { year: 2025, jpTenths: 200 },
      ],
      year: 2026,
      total: 26,
    },
    { lines: [{ year: 2025, jpTenths: 200 }], year: 2026, total: 0 },
  ])('sums only the year asked ($total tenths)', ({ lines, year, total }) => {
    expect(yearTotalTenths(lines, year)).toBe(total);
  });

  it('sums tenths exactly where floating point would drift', () => {
    const lines = Array.from({ length: 10 }, () => ({ year: 2026, jpTenths: 1 }));
    expect(yearTotalTenths(lines, 2026) / 10).toBe(1);
  });

  it.each([
    { earned: 0, target: 20, percent: 0, remaining: 20, met: false },
    { earned: 25, target: 20, percent: 12, remaining: 17.5, met: false },
    { earned: 199, target: 20, percent: 99, remaining: 0.1, met: false },
    { earned: 200, target: 20, percent: 100, remaining: 0, met: true },
    { earned: 450, target: 20, percent: 100, remaining: 0, met: true },
    { earned: 40, target: null, percent: 0, remaining: 0, met: false },
  ])('earned $earned tenths of a $target JP target → $percent%', ({ earned, target, percent, remaining, met }) => {
    expect(targetProgress(2026, earned, target)).toEqual({
      year: 2026,
      earnedJp: earned / 10,
      targetJp: target,
      remainingJp: remaining,
      percent,
      met,
    });
  });
});
