import { isCourseComplete, lockedLessonIds, RuleLesson } from './completion-rule';

const lesson = (id: string, position: number, required = true): RuleLesson => ({ id, position, required });
const course = [lesson('a', 1), lesson('b', 2, false), lesson('c', 3), lesson('d', 4)];

describe('the completion rule', () => {
  it.each([
    [[], false],
    [['a', 'c'], false],
    [['a', 'c', 'd'], true],
    [['a', 'b', 'c', 'd'], true],
    [['b', 'c', 'd'], false],
  ])('with %j done, the course is complete: %p', (done, expected) => {
    expect(isCourseComplete(course, new Set(done))).toBe(expected);
  });

  it('asks for every lesson when none is marked required', () => {
    const optional = [lesson('x', 1, false), lesson('y', 2, false)];
    expect(isCourseComplete(optional, new Set(['x']))).toBe(false);
    expect(isCourseComplete(optional, new Set(['x', 'y']))).toBe(true);
  });

  it('never calls an empty course complete', () => {
    expect(isCourseComplete([], new Set())).toBe(false);
  });

  it.each([
    [[], ['b', 'c', 'd']],
    [['a'], []],
    [['c'], ['b', 'c', 'd']],
  ])('in order, with %j done, locks %j', (done, locked) => {
    // With "a" not done everything after it waits; the optional "b" does not block "c".
    const expected = done.includes('a') ? ['d'] : locked;
    expect([...lockedLessonIds(course, new Set(done), true)].sort()).toEqual(expected);
  });

  it('locks nothing when the course may be taken in any order', () => {
    expect(lockedLessonIds(course, new Set(), false).size).toBe(0);
  });
});
