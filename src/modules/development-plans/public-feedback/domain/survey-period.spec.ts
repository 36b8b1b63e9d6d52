import { parsePeriod, periodOf, PeriodKind, periodsEnding, previousPeriod } from './survey-period';

describe('survey periods (WIB calendar)', () => {
  it.each<[string, PeriodKind, string]>([
    ['2026-03-15T05:00:00Z', 'semester', '2026-S1'],
    ['2026-06-30T16:59:59.999Z', 'semester', '2026-S1'], // 23:59:59 WIB on 30 June
    ['2026-06-30T17:00:00Z', 'semester', '2026-S2'], // 00:00 WIB on 1 July
    ['2025-12-31T17:30:00Z', 'semester', '2026-S1'], // 00:30 WIB on 1 January
    ['2026-08-01T00:00:00Z', 'quarter', '2026-Q3'],
    ['2026-11-20T00:00:00Z', 'month', '2026-11'],
    ['2026-11-20T00:00:00Z', 'year', '2026'],
  ])('puts %s in the %s %s', (at, kind, key) => {
    expect(periodOf(new Date(at), kind).key).toBe(key);
  });

  it.each([
    ['2026-S1', '2025-12-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z'],
    ['2026-S2', '2026-06-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['2026-Q4', '2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['2026-02', '2026-01-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z'],
    ['2026', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
  ])('gives %s the range [%s, %s)', (key, from, to) => {
    const p = parsePeriod(key)!;
    expect([p.from.toISOString(), p.to.toISOString()]).toEqual([from, to]);
  });

  it.each(['2026-S3', '2026-Q5', '2026-13', '26-S1', '', '2026-s1'])('does not read %p as a period', (key) => {
    expect(parsePeriod(key)).toBeNull();
  });

  it.each([
    ['2026-S1', '2025-S2'],
    ['2026-S2', '2026-S1'],
    ['2026-Q1', '2025-Q4'],
    ['2026-01', '2025-12'],
    ['2026', '2025'],
  ])('has %s follow %s', (key, before) => {
    expect(previousPeriod(parsePeriod(key)!).key).toBe(before);
  });

  it('lists the last periods oldest first, ending with the current one', () => {
    expect(periodsEnding(new Date('2026-11-25T00:00:00Z'), 'semester', 4).map((p) => p.key)).toEqual([
      '2025-S1',
      '2025-S2',
      '2026-S1',
      '2026-S2',
    ]);
  });
});
