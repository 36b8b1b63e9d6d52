import { NeedAggregate, rankNeeds, SuggestibleCourse } from './agency-needs';

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
