import { categoryOf, ikmOf, isScore } from './ikm';

const nine = (value: number) => Array<number>(9).fill(value);

describe('IKM category (nilai interval konversi)', () => {
  it.each([
    [10000, 'A'],
    [8831, 'A'],
    [8830, 'B'],
    [7661, 'B'],
    [7660, 'C'],
    [6500, 'C'],
    [6499, 'D'],
    [2500, 'D'],
  ])('puts %i hundredths in category %s', (hundredths, letter) => {
    expect(categoryOf(hundredths)).toBe(letter);
  });

  it.each([2499, 10001])('refuses %i hundredths, outside 25-100', (hundredths) => {
    expect(() => categoryOf(hundredths)).toThrow(RangeError);
  });
});

describe('IKM of a set of answers', () => {
  it.each([
    ['one respondent answering 4 everywhere', nine(4), 1, 100, 'A'],
    ['one respondent answering 1 everywhere', nine(1), 1, 25, 'D'],
    ['ten respondents answering 3 everywhere', nine(30), 10, 75, 'C'],
    ['one 4-everywhere and one 3-everywhere', nine(7), 2, 87.5, 'B'],
    // 2500 × 3179 / 900 = 8830.56 → 88.31, just inside A; one point less is 88.28 (B).
    ['a total just reaching 88.31', [354, 353, 353, 353, 353, 353, 353, 353, 354], 100, 88.31, 'A'],
    ['a total one point under it', [353, 353, 353, 353, 353, 353, 353, 353, 354], 100, 88.28, 'B'],
    // 2500 × 2758 / 900 = 7661.11 → 76.61 (B); 2757 → 76.58 (C).
    ['a total just reaching 76.61', [307, 307, 306, 306, 306, 306, 306, 307, 307], 100, 76.61, 'B'],
    ['a total one point under it', [307, 307, 306, 306, 306, 306, 306, 306, 307], 100, 76.58, 'C'],
    // 2500 × 234 / 90 = 6500 exactly (C); 233 → 64.72 (D).
    ['a total of exactly 65.00', [26, 26, 26, 26, 26, 26, 26, 26, 26], 10, 65, 'C'],
    ['a total one point under it', [26, 26, 26, 26, 26, 26, 26, 26, 25], 10, 64.72, 'D'],
    // Three respondents: element means 3, 2.67, 3.33, 4, 2, 3, 3, 1.67, 3.33 → Σ 26 / 9 × 25 = 72.22.
    ['three respondents with mixed answers', [9, 8, 10, 12, 6, 9, 9, 5, 10], 3, 72.22, 'C'],
  ])('%s', (_label, sums, responses, ikm, category) => {
    expect(ikmOf(sums, responses)).toMatchObject({ responses, ikm, category });
  });

  it('gives each element its mean answer', () => {
    expect(ikmOf([9, 8, 10, 12, 6, 9, 9, 5, 10], 3)!.elementMeans.map((m) => m.toFixed(2))).toEqual([
      '3.00',
      '2.67',
      '3.33',
      '4.00',
      '2.00',
      '3.00',
      '3.00',
      '1.67',
      '3.33',
    ]);
  });

  it('has no index without responses, and needs all nine elements', () => {
    expect(ikmOf(nine(0), 0)).toBeNull();
    expect(() => ikmOf([4, 4, 4], 1)).toThrow(RangeError);
  });
});

describe('an answer', () => {
  it.each([
    [1, true],
    [4, true],
    [0, false],
    [5, false],
    [2.5, false],
    ['3', false],
    [null, false],
  ])('%p is a score: %p', (value, ok) => {
    expect(isScore(value)).toBe(ok);
  });
});
