import { countMet, coverageOf, isMet } from './coverage';

const std = (...pairs: Array<[string, number]>) =>
  pairs.map(([competencyCode, requiredLevel]) => ({ competencyCode, requiredLevel }));
const ev = (...pairs: Array<[string, number]>) => pairs.map(([competencyCode, level]) => ({ competencyCode, level }));

describe('coverageOf', () => {
  it.each([
    { name: 'nothing required', standard: std(), evidence: ev(['M.01', 3]), levels: {}, met: 0 },
    { name: 'no evidence', standard: std(['M.01', 2]), evidence: ev(), levels: { 'M.01': [2, 0] }, met: 0 },
    {
      name: 'best evidence counts, other competencies ignored',
      standard: std(['M.01', 3], ['T.02', 2]),
      evidence: ev(['M.01', 2], ['M.01', 4], ['S.01', 5], ['T.02', 1]),
      levels: { 'M.01': [3, 4], 'T.02': [2, 1] },
      met: 1,
    },
    {
      name: 'exactly the required level meets it',
      standard: std(['T.02', 2]),
      evidence: ev(['T.02', 2]),
      levels: { 'T.02': [2, 2] },
      met: 1,
    },
  ])('$name', ({ standard, evidence, levels, met }) => {
    const coverage = coverageOf(standard, evidence);
    expect(coverage).toEqual(levels);
    expect(countMet(coverage)).toBe(met);
  });

  it('serialises the same coverage to the same text whatever the order', () => {
    const a = coverageOf(std(['T.02', 2], ['M.01', 3]), ev(['M.01', 1]));
    const b = coverageOf(std(['M.01', 3], ['T.02', 2]), ev(['M.01', 1]));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a)).toEqual(['M.01', 'T.02']);
  });

  it.each([
    [[2, 1], false],
    [[2, 2], true],
    [[2, 5], true],
  ] as Array<[[number, number], boolean]>)('%j met: %s', (pair, met) => expect(isMet(pair)).toBe(met));
});
