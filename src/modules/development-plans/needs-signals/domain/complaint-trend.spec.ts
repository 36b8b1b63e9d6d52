import { complaintTrend, periodOf, shiftPeriod } from './complaint-trend';

const asOf = new Date('2026-05-10T03:00:00Z'); // May 2026: complete months are April and before

describe('complaint periods', () => {
  it.each([
    ['2026-05-10T03:00:00Z', '2026-05'],
    ['2026-04-30T17:30:00Z', '2026-05'], // 1 May 00:30 WIB
    ['2026-04-30T16:59:00Z', '2026-04'],
    ['2026-12-31T18:00:00Z', '2027-01'],
  ])('%s falls in the WIB month %s', (at, period) => {
    expect(periodOf(new Date(at))).toBe(period);
  });

  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-03', -3, '2025-12'],
    ['2025-11', 2, '2026-01'],
    ['2026-05', 0, '2026-05'],
  ])('%s shifted by %i is %s', (period, delta, expected) => {
    expect(shiftPeriod(period, delta)).toBe(expected);
  });
});

describe('rising complaints', () => {
  it.each<
    [string, Record<string, number>, { rising: boolean; latestPeriod: string | null; baselineMean?: number | null }]
  >([
    [
      'exactly 20% above the mean rises',
      { '2026-01': 10, '2026-02': 10, '2026-03': 10, '2026-04': 12 },
      { rising: true, latestPeriod: '2026-04', baselineMean: 10 },
    ],
    [
      'just under 20% does not',
      { '2026-01': 10, '2026-02': 10, '2026-03': 10, '2026-04': 11 },
      { rising: false, latestPeriod: '2026-04' },
    ],
    [
      'a fall is not rising',
      { '2026-01': 10, '2026-02': 12, '2026-03': 14, '2026-04': 5 },
      { rising: false, latestPeriod: '2026-04' },
    ],
    [
      'a missing baseline month counts as none',
      { '2026-01': 6, '2026-03': 3, '2026-04': 4 },
      { rising: true, latestPeriod: '2026-04', baselineMean: 3 },
    ],
    [
      'the current, incomplete month is ignored',
      { '2026-01': 5, '2026-02': 5, '2026-03': 5, '2026-04': 5, '2026-05': 50 },
      { rising: false, latestPeriod: '2026-04' },
    ],
    [
      'the latest complete month may be older when April is not in yet',
      { '2025-12': 2, '2026-01': 2, '2026-02': 2, '2026-03': 9 },
      { rising: true, latestPeriod: '2026-03' },
    ],
    ['data older than three months is stale', { '2025-10': 1, '2026-01': 20 }, { rising: false, latestPeriod: null }],
    [
      'a first-ever month has no baseline',
      { '2026-04': 30 },
      { rising: false, latestPeriod: '2026-04', baselineMean: null },
    ],
    [
      'zero after zeros is not rising',
      { '2026-01': 0, '2026-02': 0, '2026-03': 0, '2026-04': 0 },
      { rising: false, latestPeriod: '2026-04', baselineMean: 0 },
    ],
    [
      'some after zeros is rising',
      { '2026-01': 0, '2026-02': 0, '2026-03': 0, '2026-04': 1 },
      { rising: true, latestPeriod: '2026-04', baselineMean: 0 },
    ],
    ['no data at all', {}, { rising: false, latestPeriod: null, baselineMean: null }],
  ])('%s', (_name, counts, expected) => {
    expect(complaintTrend(new Map(Object.entries(counts)), asOf)).toMatchObject(expected);
  });
});
