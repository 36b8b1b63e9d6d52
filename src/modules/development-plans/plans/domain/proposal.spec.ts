import type { GapRow } from '../../needs/person-gaps';
import { DEFAULT_PROPOSAL_OPTIONS, proposePlan, SuggestableCourse, SuggestableForm, targetLevelOf } from './proposal';

const row = (code: string, fields: Partial<GapRow> = {}): GapRow => {
  const r: GapRow = {
    competencyCode: code,
    competencyName: `Kompetensi ${code}`,
    pillar: 'manajerial',
    requiredLevel: 3,
    targetRequiredLevel: null,
    currentLevel: 1,
    currentSource: null,
    gap: 0,
    targetGap: null,
    priority: 'medium',
    requested: false,
    ...fields,
  };
  r.gap = r.requiredLevel === null ? 0 : Math.max(0, r.requiredLevel - r.currentLevel);
  r.targetGap = r.targetRequiredLevel === null ? null : Math.max(0, r.targetRequiredLevel - r.currentLevel);
  return r;
};
const course = (courseId: string, competencyCode: string, level: number, jp: number): SuggestableCourse => ({
  courseId,
  title: `Kursus ${courseId}`,
  jpTenths: jp * 10,
  competencyCode,
  level,
});
const FORMS: SuggestableForm[] = [
  { code: 'coaching', name: 'Coaching', category: 'nonklasikal', rule: 'programme', jpPerDay: null, active: true },
  { code: 'mentoring', name: 'Mentoring', category: 'nonklasikal', rule: 'programme', jpPerDay: null, active: true },
  { code: 'magang', name: 'Magang', category: 'nonklasikal', rule: 'programme', jpPerDay: null, active: true },
  { code: 'seminar', name: 'Seminar', category: 'klasikal', rule: 'per_day', jpPerDay: 4, active: true },
];

describe('targetLevelOf', () => {
  it.each([
    ['no gap', row('M.01', { requiredLevel: 3, currentLevel: 3 }), null],
    ['above the standard', row('M.01', { requiredLevel: 2, currentLevel: 4 }), null],
    ['current position gap', row('M.01', { requiredLevel: 3, currentLevel: 1 }), 3],
    ['next position only', row('M.01', { requiredLevel: 2, targetRequiredLevel: 4, currentLevel: 2 }), 4],
    ['both, next higher', row('M.01', { requiredLevel: 3, targetRequiredLevel: 4, currentLevel: 1 }), 4],
    [
      'only the next position requires it',
      row('M.01', { requiredLevel: null, targetRequiredLevel: 2, currentLevel: 0 }),
      2,
    ],
  ])('%s', (_name, gap, target) => {
    expect(targetLevelOf(gap)).toBe(target);
  });
});

describe('proposePlan', () => {
  it.each([
    {
      name: 'orders goals by priority, then by gap, then asked-for, then code',
      gaps: [
        row('M.03', { priority: 'low', currentLevel: 0 }),
        row('M.01', { priority: 'medium', currentLevel: 2 }),
        row('M.02', { priority: 'medium', currentLevel: 0 }),
        row('M.05', { priority: 'medium', currentLevel: 2, requested: true }),
        row('S.01', { priority: 'high', currentLevel: 2 }),
        row('M.04', { priority: 'high', requiredLevel: 2, currentLevel: 2 }),
      ],
      goals: ['S.01', 'M.02', 'M.05', 'M.01', 'M.03'],
    },
    {
      name: 'keeps only the most urgent goals when there are too many',
      gaps: Array.from({ length: 12 }, (_, i) => row(`T.${String(i).padStart(2, '0')}`)),
      goals: Array.from({ length: 10 }, (_, i) => `T.${String(i).padStart(2, '0')}`),
    },
  ])('$name', ({ gaps, goals }) => {
    expect(proposePlan(gaps, [], FORMS).goals.map((g) => g.competencyCode)).toEqual(goals);
  });

  it('aims each goal at the required level from the level it starts at', () => {
    const { goals } = proposePlan([row('M.05', { requiredLevel: 4, currentLevel: 1, priority: 'low' })], [], FORMS);
    expect(goals).toEqual([
      { competencyCode: 'M.05', competencyName: 'Kompetensi M.05', baselineLevel: 1, targetLevel: 4, priority: 'low' },
    ]);
  });

  it.each([
    {
      name: 'the course with the fewest JP that reaches the target',
      courses: [course('a', 'M.05', 3, 8), course('b', 'M.05', 4, 5), course('c', 'M.05', 2, 1)],
      picked: ['b'],
    },
    { name: 'no course when none reaches the target', courses: [course('c', 'M.05', 2, 1)], picked: [] },
    {
      name: 'on equal JP the higher level, then the title',
      courses: [course('z', 'M.05', 3, 4), course('y', 'M.05', 5, 4), course('x', 'M.05', 5, 4)],
      picked: ['x'],
    },
    { name: 'a course of another competency does not count', courses: [course('a', 'M.01', 5, 1)], picked: [] },
  ])('suggests $name', ({ courses, picked }) => {
    const proposal = proposePlan([row('M.05', { requiredLevel: 3, currentLevel: 1 })], courses, FORMS);
    expect(proposal.activities.filter((a) => a.kind === 'course').map((a) => a.courseId)).toEqual(picked);
  });

  it('suggests a course once when it serves two goals, and counts its JP once', () => {
    const both = [course('shared', 'M.01', 3, 6), course('shared', 'M.02', 3, 6), course('solo', 'M.02', 3, 2)];
    const proposal = proposePlan([row('M.01'), row('M.02')], both, FORMS);
    expect(proposal.activities.map((a) => [a.goalCode, a.courseId])).toEqual([['M.01', 'shared']]);
    expect(proposal.plannedJpTenths).toBe(60);
  });

  it.each([
    { name: 'coaching for a one-level gap', gap: row('M.01', { priority: 'high', currentLevel: 2 }), form: 'coaching' },
    { name: 'mentoring for a wider gap', gap: row('M.01', { priority: 'high', currentLevel: 1 }), form: 'mentoring' },
    {
      name: 'job shadowing for what only the next position needs',
      gap: row('M.01', { priority: 'high', requiredLevel: 2, targetRequiredLevel: 3, currentLevel: 2 }),
      form: 'magang',
    },
    { name: 'no form for a medium-priority gap', gap: row('M.01', { priority: 'medium' }), form: null },
  ])('adds $name', ({ gap, form }) => {
    const forms = proposePlan([gap], [], FORMS).activities.filter((a) => a.kind === 'form');
    expect(forms.map((a) => a.formCode)).toEqual(form ? [form] : []);
    if (form) expect(forms[0].plannedJpTenths).toBe(DEFAULT_PROPOSAL_OPTIONS.programmeFormJpTenths);
  });

  it('falls back to another form when the one it would pick is switched off, and counts a per-day form by its rule', () => {
    const forms = FORMS.map((f) => (f.code === 'mentoring' ? { ...f, active: false } : f));
    const gap = row('M.01', { priority: 'high', currentLevel: 1 });
    expect(proposePlan([gap], [], forms).activities.map((a) => a.formCode)).toEqual(['coaching']);
    const perDay = proposePlan([gap], [], FORMS, {
      ...DEFAULT_PROPOSAL_OPTIONS,
      forms: { smallGap: 'seminar', largeGap: 'seminar', nextPosition: 'seminar' },
      perDayFormDays: 2,
    });
    expect(perDay.activities).toEqual([expect.objectContaining({ formCode: 'seminar', plannedJpTenths: 80 })]);
  });

  it('proposes nothing for someone without gaps', () => {
    expect(proposePlan([row('M.01', { currentLevel: 3 })], [course('a', 'M.01', 5, 2)], FORMS)).toEqual({
      goals: [],
      activities: [],
      plannedJpTenths: 0,
    });
  });
});
