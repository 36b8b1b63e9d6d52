import { planYearOf, planYearStart } from './plan-year';

describe('plan year (WIB)', () => {
  it.each([
    ['2026-12-31T16:59:59.999Z', 2026],
    ['2026-12-31T17:00:00.000Z', 2027],
    ['2026-06-15T00:00:00.000Z', 2026],
    ['2025-12-31T17:00:00.000Z', 2026],
  ])('%s lies in plan year %i', (iso, year) => {
    expect(planYearOf(new Date(iso))).toBe(year);
  });

  it('starts a year at midnight WIB on 1 January', () => {
    expect(planYearStart(2027).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(planYearOf(planYearStart(2027))).toBe(2027);
  });
});
