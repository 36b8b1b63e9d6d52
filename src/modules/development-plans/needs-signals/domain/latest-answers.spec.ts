import { latestLevels, latestWishes } from './latest-answers';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('the latest self-assessed level per person and competency', () => {
  it.each([
    ['one answer', [{ userId: 'a', competencyCode: 'M.01', level: 3, answeredAt: at(1) }], { a: { 'M.01': 3 } }],
    [
      'a newer answer replaces an older one whatever the row order',
      [
        { userId: 'a', competencyCode: 'M.01', level: 4, answeredAt: at(9) },
        { userId: 'a', competencyCode: 'M.01', level: 2, answeredAt: at(1) },
      ],
      { a: { 'M.01': 4 } },
    ],
    [
      'competencies and people are kept apart',
      [
        { userId: 'a', competencyCode: 'M.01', level: 2, answeredAt: at(1) },
        { userId: 'a', competencyCode: 'M.05', level: 5, answeredAt: at(1) },
        { userId: 'b', competencyCode: 'M.01', level: 1, answeredAt: at(2) },
      ],
      { a: { 'M.01': 2, 'M.05': 5 }, b: { 'M.01': 1 } },
    ],
    ['nothing', [], {}],
  ])('%s', (_name, rows, expected) => {
    const result = latestLevels(rows);
    expect(Object.fromEntries([...result].map(([u, m]) => [u, Object.fromEntries(m)]))).toEqual(expected);
  });
});

describe('the competencies a person asked for', () => {
  it.each([
    [
      'only the latest questionnaire counts',
      [
        { userId: 'a', questionnaireId: 'q1', competencyCode: 'M.01', answeredAt: at(1) },
        { userId: 'a', questionnaireId: 'q2', competencyCode: 'M.05', answeredAt: at(5) },
        { userId: 'a', questionnaireId: 'q2', competencyCode: 'S.01', answeredAt: at(5) },
      ],
      { a: ['M.05', 'S.01'] },
    ],
    [
      'each person their own',
      [
        { userId: 'a', questionnaireId: 'q1', competencyCode: 'M.01', answeredAt: at(1) },
        { userId: 'b', questionnaireId: 'q1', competencyCode: 'M.03', answeredAt: at(2) },
      ],
      { a: ['M.01'], b: ['M.03'] },
    ],
  ])('%s', (_name, rows, expected) => {
    const result = latestWishes(rows);
    expect(Object.fromEntries([...result].map(([u, s]) => [u, [...s].sort()]))).toEqual(expected);
  });
});
