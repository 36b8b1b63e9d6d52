import {
  applyProgress,
  ProgressActivity,
  ProgressCredit,
  ProgressEvidence,
  ProgressGoal,
  ProgressPlan,
  ProgressPostTest,
} from './progress';

const at = (day: number) => new Date(Date.UTC(2026, 4, day));
const NOW = at(28);
const plan = (fields: Partial<ProgressPlan> = {}): ProgressPlan => ({
  year: 2026,
  status: 'in_progress',
  createdAt: at(1),
  ...fields,
});
const goal = (code: string, baseline: number, target: number): ProgressGoal => ({
  id: `g-${code}`,
  competencyCode: code,
  baselineLevel: baseline,
  targetLevel: target,
  currentLevel: baseline,
  reachedAt: null,
});
const activity = (id: string, fields: Partial<ProgressActivity>): ProgressActivity => ({
  id,
  kind: 'course',
  courseId: null,
  formCode: null,
  position: Number(id.replace(/\D/g, '')) || 0,
  status: 'planned',
  doneAt: null,
  creditedJpTenths: 0,
  doneSource: null,
  doneSourceId: null,
  ...fields,
});
const courseA = activity('a1', { kind: 'course', courseId: 'course-A' });
const courseB = activity('a2', { kind: 'course', courseId: 'course-B' });
const coaching = activity('a3', { kind: 'form', formCode: 'coaching' });
const coaching2 = activity('a4', { kind: 'form', formCode: 'coaching' });
const mentoring = activity('a5', { kind: 'form', formCode: 'mentoring' });

const credit = (sourceId: string, fields: Partial<ProgressCredit>): ProgressCredit => ({
  source: 'course',
  sourceId,
  jpTenths: 20,
  earnedAt: at(10),
  courseId: null,
  formCode: null,
  ...fields,
});
const completedA = credit('enrol-A', { courseId: 'course-A', jpTenths: 25, earnedAt: at(12) });
const completedOther = credit('enrol-X', { courseId: 'course-X', jpTenths: 15, earnedAt: at(3) });
const coachingDone = credit('ext-1', { source: 'external', formCode: 'coaching', jpTenths: 40, earnedAt: at(5) });
const coachingLater = credit('ext-2', { source: 'external', formCode: 'coaching', jpTenths: 30, earnedAt: at(20) });
const seminar = credit('ext-3', { source: 'external', formCode: 'seminar', jpTenths: 80, earnedAt: at(6) });
const session = credit('ment-1', { source: 'mentoring', jpTenths: 10, earnedAt: at(7) });
const passedB: ProgressPostTest = { courseId: 'course-B', quizId: 'quiz-B', passed: true, at: at(14) };
const failedB: ProgressPostTest = { ...passedB, passed: false };
const passedLastYear: ProgressPostTest = { ...passedB, at: new Date(Date.UTC(2025, 10, 1)) };

type Done = [id: string, source: string | null, sourceId: string | null, jpTenths: number];
const done = (activities: ProgressActivity[]): Done[] =>
  activities.map((a) => [a.id, a.doneSource, a.doneSourceId, a.creditedJpTenths]);

describe('applyProgress: which facts tick which activity', () => {
  it.each<{
    name: string;
    activities: ProgressActivity[];
    credits: ProgressCredit[];
    tests: ProgressPostTest[];
    expected: Done[];
  }>([
    {
      name: 'a course credit ticks the activity of that course with its JP',
      activities: [courseA, courseB],
      credits: [completedA, completedOther],
      tests: [],
      expected: [
        ['a1', 'course', 'enrol-A', 25],
        ['a2', null, null, 0],
      ],
    },
    {
      name: 'a passed post-test of the year ticks the course without JP',
      activities: [courseB],
      credits: [],
      tests: [passedB],
      expected: [['a2', 'posttest', 'quiz-B', 0]],
    },
    {
      name: 'a failed post-test, or one of another year, ticks nothing',
      activities: [courseB],
      credits: [],
      tests: [failedB, passedLastYear],
      expected: [['a2', null, null, 0]],
    },
    {
      name: 'the course credit wins over the post-test',
      activities: [courseB],
      credits: [credit('enrol-B', { courseId: 'course-B', earnedAt: at(15) })],
      tests: [passedB],
      expected: [['a2', 'course', 'enrol-B', 20]],
    },
    {
      name: 'an external activity of the form ticks it; another form does not',
      activities: [coaching],
      credits: [seminar, coachingDone],
      tests: [],
      expected: [['a3', 'external', 'ext-1', 40]],
    },
    {
      name: 'each credit ticks one activity, the earliest credit the first activity',
      activities: [coaching2, coaching],
      credits: [coachingLater, coachingDone],
      tests: [],
      expected: [
        ['a4', 'external', 'ext-2', 30],
        ['a3', 'external', 'ext-1', 40],
      ],
    },
    {
      name: 'a mentoring credit ticks the mentoring activity only',
      activities: [coaching, mentoring],
      credits: [session],
      tests: [],
      expected: [
        ['a3', null, null, 0],
        ['a5', 'mentoring', 'ment-1', 10],
      ],
    },
    {
      name: 'an activity whose fact is gone is planned again',
      activities: [{ ...courseA, status: 'done', doneSource: 'course', doneSourceId: 'enrol-A', creditedJpTenths: 25 }],
      credits: [],
      tests: [],
      expected: [['a1', null, null, 0]],
    },
  ])('$name', ({ activities, credits, tests, expected }) => {
    expect(done(applyProgress(plan(), [], activities, credits, [], tests, NOW).activities)).toEqual(expected);
  });

  it('earns the whole year of JP, each credit once', () => {
    const state = applyProgress(plan(), [], [courseA], [completedA, completedA, seminar, completedOther], [], [], NOW);
    expect(state.earnedJpTenths).toBe(25 + 80 + 15);
  });
});

describe('applyProgress: goals', () => {
  const ev = (code: string, level: number, day: number): ProgressEvidence => ({
    competencyCode: code,
    level,
    earnedAt: at(day),
  });
  it.each<{ name: string; g: ProgressGoal; evidence: ProgressEvidence[]; level: number; reachedAt: Date | null }>([
    { name: 'no evidence keeps the baseline', g: goal('M.05', 1, 3), evidence: [], level: 1, reachedAt: null },
    {
      name: 'evidence below the target raises the level',
      g: goal('M.05', 1, 3),
      evidence: [ev('M.05', 2, 4), ev('M.01', 5, 2)],
      level: 2,
      reachedAt: null,
    },
    {
      name: 'evidence at the target reaches it when first earned',
      g: goal('M.05', 1, 3),
      evidence: [ev('M.05', 4, 9), ev('M.05', 3, 6), ev('M.05', 2, 1)],
      level: 4,
      reachedAt: at(6),
    },
    {
      name: 'lower evidence never lowers the baseline',
      g: goal('M.05', 3, 4),
      evidence: [ev('M.05', 1, 2)],
      level: 3,
      reachedAt: null,
    },
    {
      name: 'a baseline at the target is reached from the start',
      g: goal('M.05', 3, 3),
      evidence: [],
      level: 3,
      reachedAt: at(1),
    },
  ])('$name', ({ g, evidence, level, reachedAt }) => {
    const [next] = applyProgress(plan(), [g], [], [], evidence, [], NOW).goals;
    expect([next.currentLevel, next.reachedAt]).toEqual([level, reachedAt]);
  });
});

describe('applyProgress: status', () => {
  it.each<[string, ProgressPlan, ProgressCredit[], string]>([
    ['approved starts with a done activity', plan({ status: 'approved', year: 2027 }), [completedA], 'in_progress'],
    ['approved waits for its year without one', plan({ status: 'approved', year: 2027 }), [], 'approved'],
    ['approved starts when its year has begun', plan({ status: 'approved' }), [], 'in_progress'],
    ['a draft stays a draft, ticks or not', plan({ status: 'draft' }), [completedA], 'draft'],
  ])('%s', (_name, p, credits, status) => {
    const year = credits.map((c) => ({ ...c, earnedAt: new Date(Date.UTC(p.year, 1, 1)) }));
    expect(applyProgress(p, [], [courseA], year, [], [], NOW).status).toBe(status);
  });
});

describe('applyProgress: order of arrival', () => {
  it('gives the same state whatever order and duplicates the facts come in', () => {
    const activities = [courseA, courseB, coaching, coaching2, mentoring];
    const credits = [completedA, completedOther, coachingDone, coachingLater, seminar, session];
    const evidence = [
      { competencyCode: 'M.05', level: 3, earnedAt: at(12) },
      { competencyCode: 'M.05', level: 2, earnedAt: at(3) },
    ];
    const reference = applyProgress(plan(), [goal('M.05', 1, 3)], activities, credits, evidence, [passedB], NOW);
    for (let i = 0; i < 20; i++) {
      const shuffled = <T>(xs: T[]) => [...xs, ...xs.slice(0, i % xs.length)].sort(() => Math.random() - 0.5);
      const state = applyProgress(
        plan(),
        [goal('M.05', 1, 3)],
        activities,
        shuffled(credits),
        shuffled(evidence),
        shuffled([passedB, failedB].slice(0, 1)),
        NOW,
      );
      expect(state).toEqual(reference);
    }
  });
});
