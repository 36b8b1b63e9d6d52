import { childRegion, NeedAggregate, rankNeeds, SuggestibleCourse, sumByCompetency } from './agency-needs';

const need = (
  code: string,
  people: number,
  gapSum: number,
  high: number,
  medium: number,
  maxRequired = 3,
): NeedAggregate => ({
  competencyCode: code,
  people,
  gapSum,
  high,
  medium,
  low: people - high - medium,
  maxRequired,
});
const course = (code: string, level: number, jp: number, title = `Kursus ${code} ${level}`): SuggestibleCourse => ({
  courseId: `${code}-${level}-${jp}`,
  title,
  jpTenths: jp * 10,
  competencyCode: code,
  level,
});

describe('ranking a population’s training needs', () => {
  it.each([
    [
      'urgency-weighted head count first: 2 high beat 4 low',
      [need('M.01', 4, 4, 0, 0), need('M.02', 2, 6, 2, 0)],
      [
        ['M.02', 1, 2, 3, 6],
        ['M.01', 2, 4, 1, 4],
      ],
    ],
    [
      'then head count, then mean gap, then code',
      [need('M.03', 2, 2, 0, 0), need('M.01', 1, 1, 0, 1), need('M.02', 2, 4, 0, 0), need('M.04', 0, 0, 0, 0)],
      [
        ['M.02', 1, 2, 2, 2],
        ['M.03', 2, 2, 1, 2],
        ['M.01', 3, 1, 1, 2],
      ],
    ],
  ])('%s', (_, aggregates, expected) => {
    expect(rankNeeds(aggregates, []).map((r) => [r.competencyCode, r.rank, r.people, r.meanGap, r.score])).toEqual(
      expected,
    );
  });

  it('means to two decimals', () => {
    expect(rankNeeds([need('M.01', 3, 4, 0, 0)], [])[0].meanGap).toBe(1.33);
  });

  it.each([
    ['no course: no suggestion, no estimate', [], [], null],
    ['a course below the required level is not suggested', [course('M.01', 2, 10)], [], null],
    ['another competency’s course is not suggested', [course('M.02', 4, 10)], [], null],
    [
      'courses reaching the level, lowest level then fewest JP first, at most three',
      [course('M.01', 5, 8), course('M.01', 3, 24), course('M.01', 3, 12), course('M.01', 4, 6), course('M.01', 3, 30)],
      [
        ['M.01-3-12', 12],
        ['M.01-3-24', 24],
        ['M.01-3-30', 30],
      ],
      // 7 people × 12 JP of the first suggestion
      84,
    ],
  ])('%s', (_, courses, suggested, estimatedJp) => {
    const [ranked] = rankNeeds([need('M.01', 7, 10, 1, 1, 3)], courses);
    expect(ranked.suggestedCourses.map((c) => [c.courseId, c.jp])).toEqual(suggested);
    expect(ranked.estimatedJp).toBe(estimatedJp);
  });
});

describe('summing needs over units or regions', () => {
  it('adds counts and gaps per competency and keeps the highest required level', () => {
    const sums = sumByCompetency([
      need('M.01', 2, 3, 1, 0, 3),
      need('M.02', 1, 1, 0, 0, 2),
      need('M.01', 3, 6, 0, 2, 4),
    ]);
    expect(sums).toEqual([
      { competencyCode: 'M.01', people: 5, gapSum: 9, high: 1, medium: 2, low: 2, maxRequired: 4 },
      { competencyCode: 'M.02', people: 1, gapSum: 1, high: 0, medium: 0, low: 1, maxRequired: 2 },
    ]);
  });
});

describe('the sub-region a region code lies in', () => {
  it.each([
    ['36.74.01', '36', '36.74'],
    ['36.74', '36', '36.74'],
    ['36', '36', null],
    ['12.71', '36', null],
    ['36.7', '36.74', null],
    ['12.71.08.2001', '12.71', '12.71.08'],
    [null, '36', null],
  ])('%p under %p is %p', (code, parent, child) => {
    expect(childRegion(code, parent)).toBe(child);
  });
});
