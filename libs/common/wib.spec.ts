import { wibDay, wibDeadlinePassed, wibYear } from './wib';

describe('WIB days and years', () => {
  it.each([
    ['2026-12-31T16:29:59Z', '2026-12-31', 2026],
    ['2026-12-31T17:00:00Z', '2027-01-01', 2027],
    ['2026-03-01T23:00:00Z', '2026-03-02', 2026],
  ])('%s is %s in WIB', (utc, day, year) => {
    expect(wibDay(new Date(utc))).toBe(day);
    expect(wibYear(new Date(utc))).toBe(year);
  });

  it.each([
    // A date from a form is stored as 00:00 UTC (07:00 WIB) of that day.
    ['2027-03-31', '2027-03-31T01:00:00Z', false], // 08:00 WIB on the day
    ['2027-03-31', '2027-03-31T16:59:59Z', false], // 23:59:59 WIB on the day
    ['2027-03-31', '2027-03-31T17:00:00Z', true], // 00:00 WIB the day after
    ['2027-03-31T23:00:00+07:00', '2027-03-31T16:30:00Z', false], // an instant counts as its WIB day
  ])('a deadline of %s has passed at %s: %s', (deadline, now, passed) => {
    expect(wibDeadlinePassed(new Date(deadline), new Date(now))).toBe(passed);
  });
});
