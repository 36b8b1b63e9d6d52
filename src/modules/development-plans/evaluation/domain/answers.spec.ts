import { cleanFreeText, parseScore, readBehaviour, readReaction } from './answers';

describe('evaluation answers', () => {
  it.each([
    [5, 5],
    ['4', 4],
    [' 1 ', 1],
    [0, null],
    [6, null],
    [2.5, null],
    ['5a', null],
    [undefined, null],
  ])('reads the score %p as %p', (input, expected) => {
    expect(parseScore(input)).toBe(expected);
  });

  it.each([
    ['  Bagus sekali  ', 'Bagus sekali'],
    ['a\r\nb', 'a\nb'],
    ['a\n\n\n\n\nb', 'a\n\nb'],
    ['ok\u0000\u0007\u202e', 'ok'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['   ', null],
    [42, null],
  ])('cleans the free text %p', (input, expected) => {
    expect(cleanFreeText(input)).toBe(expected);
  });

  it('requires every L1 item and bounds the comment', () => {
    expect(readReaction({ material: 5, delivery: '4', usefulness: 3, comment: ' ok ' })).toEqual({
      material: 5,
      delivery: 4,
      usefulness: 3,
      comment: 'ok',
    });
    const problems = readReaction({ material: 9, usefulness: 3, comment: 'x'.repeat(1001) });
    expect(Array.isArray(problems) && problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'material:isIn',
      'delivery:isIn',
      'comment:maxLength',
    ]);
  });

  it.each([
    [
      { applied: 'yes', examples: 'Saya menerapkan SOP baru.' },
      { applied: 'yes', examples: 'Saya menerapkan SOP baru.' },
    ],
    [{ applied: 'not_yet' }, { applied: 'not_yet', examples: null }],
    [{ applied: 'partly', examples: '  ' }, ['examples:isNotEmpty']],
    [{ applied: 'maybe' }, ['applied:isIn']],
    [{ applied: 'yes', examples: 'x'.repeat(1001) }, ['examples:maxLength']],
  ])('reads the L3 answer %p', (input, expected) => {
    const result = readBehaviour(input);
    expect(Array.isArray(result) ? result.map((p) => `${p.field}:${p.rule}`) : result).toEqual(expected);
  });
});
