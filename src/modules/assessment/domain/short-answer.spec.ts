import { grade } from './grading';
import {
  acceptsAnything,
  answerMatches,
  hasWildcard,
  matchesNormalised,
  normaliseText,
  shownAnswer,
} from './short-answer';

describe('answerMatches (Moodle short-answer wildcards)', () => {
  it.each<[string, string, boolean, boolean]>([
    ['Soekarno*', 'Soekarno', false, true],
    ['Soekarno*', 'Soekarno Hatta', false, true],
    ['Soekarno*', '  SOEKARNO   hatta ', false, true],
    ['Soekarno*', 'Ir. Soekarno', false, false],
    ['*karno', 'Ir. Soekarno', false, true],
    ['*karno', 'Soekarno Hatta', false, false],
    ['Ir*Soekarno', 'Ir. Soekarno', false, true],
    ['Ir*Soekarno', 'IrSoekarno', false, true],
    ['a*b*c', 'abc', false, true],
    ['a*b*c', 'axxbyyc', false, true],
    ['a*b*c', 'acb', false, false],
    ['ab*ba', 'aba', false, false],
    ['a**b', 'axb', false, true],
    ['Soekarno*', 'soekarno', true, false],
    ['H2O*', 'H2O (air)', true, true],
    // An escaped star is a literal star.
    ['2 \\* 3', '2 * 3', false, true],
    ['2 \\* 3', '2 x 3', false, false],
    // Regex characters are plain characters.
    ['a.c', 'abc', false, false],
    ['(a)*', '(a) b', false, true],
    // Without a star: the plain normalised comparison.
    ['Jakarta', 'jakarta', false, true],
    ['Jakarta', 'Jakarta Pusat', false, false],
    // A full-width star is a star after NFKC, as the response's is a plain star.
    ['5\uff0a3', '5 kali 3', false, true],
    ['5\\\uff0a3', '5 kali 3', false, false],
    ['5\\\uff0a3', '5\uff0a3', false, true],
  ])('%j against %j (case-sensitive %p) → %p', (pattern, response, caseSensitive, expected) => {
    expect(answerMatches(pattern, response, caseSensitive)).toBe(expected);
    // Grading normalises the response once and matches it against every answer.
    expect(matchesNormalised(pattern, normaliseText(response, caseSensitive), caseSensitive)).toBe(expected);
  });

  it('stays fast on a pattern of many stars against a long answer', () => {
    const pattern = Array.from({ length: 100 }, () => 'a').join('*') + 'b';
    const started = Date.now();
    expect(answerMatches(pattern, 'a'.repeat(500), false)).toBe(false);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('scores a short answer through the wildcard', () => {
    const key = { type: 'short' as const, answers: ['Soekarno*'], caseSensitive: false };
    expect(grade(key, 'Soekarno').fraction).toBe(1);
    expect(grade(key, 'Soekarno*').fraction).toBe(1);
    expect(grade(key, 'Hatta').fraction).toBe(0);
    expect(grade(key, '').fraction).toBe(0);
  });
});

describe('hasWildcard, acceptsAnything, shownAnswer', () => {
  it.each<[string, boolean, boolean, string]>([
    ['Soekarno*', true, false, 'Soekarno'],
    ['Ir*Soekarno', true, false, 'Ir Soekarno'],
    ['*', true, true, ''],
    [' ** ', true, true, ''],
    ['\\*', false, false, '*'],
    ['2 \\* 3', false, false, '2 * 3'],
    ['Jakarta', false, false, 'Jakarta'],
    // Full-width and small stars are stars to the matcher (NFKC), so here too.
    ['\uff0a', true, true, ''],
    ['5\ufe613', true, false, '5 3'],
    ['5\\\uff0a3', false, false, '5*3'],
  ])('%j: wildcard %p, accepts anything %p, shown %j', (pattern, wildcard, anything, shown) => {
    expect(hasWildcard(pattern)).toBe(wildcard);
    expect(acceptsAnything(pattern)).toBe(anything);
    expect(shownAnswer(pattern)).toBe(shown);
  });
});
