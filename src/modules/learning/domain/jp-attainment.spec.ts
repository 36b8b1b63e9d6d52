import { attainedMonth, wibMonthOf } from './jp-attainment';

const at = (iso: string, jpTenths: number) => ({ jpTenths, earnedAt: new Date(iso) });

describe('wibMonthOf', () => {
  it.each([
    ['2026-01-31T16:59:59Z', 1], // 23:59:59 WIB on 31 January
    ['2026-01-31T17:00:00Z', 2], // 00:00 WIB on 1 February
    ['2026-12-31T16:30:00Z', 12],
  ])('%s is month %i in WIB', (iso, month) => expect(wibMonthOf(new Date(iso))).toBe(month));
});

describe('attainedMonth', () => {
  it.each([
    { name: 'no target', credits: [at('2026-03-01T00:00:00Z', 500)], target: null, month: null },
    { name: 'target 0 is met from January', credits: [], target: 0, month: 1 },
    { name: 'no credits', credits: [], target: 20, month: null },
    { name: 'below the target', credits: [at('2026-03-01T00:00:00Z', 199)], target: 20, month: null },
    { name: 'exactly the target', credits: [at('2026-03-01T00:00:00Z', 200)], target: 20, month: 3 },
    {
      name: 'the credit that crosses it, in earning order (input unsorted)',
      credits: [at('2026-09-10T00:00:00Z', 100), at('2026-02-01T00:00:00Z', 60), at('2026-05-01T00:00:00Z', 60)],
      target: 20,
      month: 9,
    },
    {
      name: 'tenths add exactly',
      credits: [at('2026-04-01T00:00:00Z', 105), at('2026-06-30T18:00:00Z', 95)],
      target: 20,
      month: 7, // 01:00 WIB on 1 July
    },
  ])('$name → $month', ({ credits, target, month }) => {
    expect(attainedMonth(credits, target)).toBe(month);
  });
});
