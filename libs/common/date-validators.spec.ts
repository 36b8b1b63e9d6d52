import { isCalendarDate, isDateTimeWithOffset } from './date-validators';

describe('date validators', () => {
  it.each([
    ['2026-12-31', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-W52-1', false],
    ['2026-001', false],
    ['2026-10', false],
    ['2026-10-05T00:00:00Z', false],
    [20261005, false],
  ])('a calendar date: %j → %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });

  it.each([
    ['2026-12-31T08:00+07:00', true],
    ['2026-12-31T01:00:00.000Z', true],
    ['2026-12-31T08:00', false],
    ['2026-12-31', false],
    ['2026-W52-1T08:00Z', false],
    ['2026-02-30T08:00Z', false],
    ['2026-12-31T24:00Z', false],
  ])('a date-time with offset: %j → %s', (value, ok) => {
    expect(isDateTimeWithOffset(value)).toBe(ok);
  });
});
