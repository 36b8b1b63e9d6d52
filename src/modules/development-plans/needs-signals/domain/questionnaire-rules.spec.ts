import {
  closesAt,
  dueDateProblem,
  isOpen,
  responseRate,
  selfAssessmentProblems,
  trainingNeedsProblems,
} from './questionnaire-rules';

describe('a questionnaire is open until its due date ends (WIB)', () => {
  it('closes at midnight WIB after the due day', () => {
    expect(closesAt('2026-06-30').toISOString()).toBe('2026-06-30T17:00:00.000Z');
  });
  it.each([
    [null, '2030-01-01T00:00:00Z', true],
    ['2026-06-30', '2026-06-30T16:59:59Z', true],
    ['2026-06-30', '2026-06-30T17:00:00Z', false],
    ['2026-06-30', '2026-07-05T00:00:00Z', false],
  ])('due %s, at %s: open %s', (due, at, open) => {
    expect(isOpen(due, new Date(at))).toBe(open);
  });
  it.each([
    ['2026-06-31', 'dueDate must be a date YYYY-MM-DD'],
    ['2026-6-1', 'dueDate must be a date YYYY-MM-DD'],
    ['2026-05-01', 'dueDate has already passed'],
    ['2026-05-10', null],
  ])('a due date %s: %s', (due, problem) => {
    expect(dueDateProblem(due, new Date('2026-05-10T03:00:00Z'))).toBe(problem);
  });
});

describe('self-assessment answers', () => {
  const offered = ['M.01', 'M.05'];
  it.each([
    ['all answered', { 'M.01': 3, 'M.05': 5 }, []],
    ['one missing', { 'M.01': 3 }, [['levels.M.05', 'required']]],
    [
      'a level out of range',
      { 'M.01': 0, 'M.05': 6 },
      [
        ['levels.M.01', 'level'],
        ['levels.M.05', 'level'],
      ],
    ],
    ['a competency not offered', { 'M.01': 2, 'M.05': 2, 'S.01': 4 }, [['levels.S.01', 'not_offered']]],
  ])('%s', (_name, levels, expected) => {
    expect(selfAssessmentProblems(offered, levels).map((p) => [p.field, p.rule])).toEqual(expected);
  });
});

describe('training-needs answers', () => {
  const known = new Set(['M.01', 'M.03', 'M.05', 'S.01']);
  it.each([
    ['up to the limit, ranked', ['M.05', 'M.01', 'S.01'], []],
    ['none', [], ['required']],
    ['more than the limit', ['M.05', 'M.01', 'S.01', 'M.03'], ['max']],
    ['the same twice', ['M.05', 'M.05'], ['distinct']],
    ['an unknown code', ['X.99'], ['known']],
  ])('%s', (_name, choices, rules) => {
    expect(trainingNeedsProblems(choices, 3, known).map((p) => p.rule)).toEqual(rules);
  });
});

describe('response rate', () => {
  it.each([
    [0, 0, 0],
    [1, 3, 33],
    [2, 3, 67],
    [4, 4, 100],
  ])('%i of %i answered: %i%%', (answered, recipients, rate) => {
    expect(responseRate(answered, recipients)).toBe(rate);
  });
});
