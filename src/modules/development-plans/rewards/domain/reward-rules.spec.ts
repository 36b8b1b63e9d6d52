import {
  cutoffPassedAt,
  deservesRecognition,
  followUpReasons,
  GoalFacts,
  goalsReached,
  improved,
  PersonYear,
} from './reward-rules';

const goal = (
  baselineLevel: number,
  currentLevel: number,
  targetLevel = 3,
  reachedAt: Date | null = null,
): GoalFacts => ({
  baselineLevel,
  currentLevel,
  targetLevel,
  reachedAt,
});
const plan = (
  status: NonNullable<PersonYear['plan']>['status'],
  goals: GoalFacts[] = [],
  submittedAt: Date | null = null,
) => ({
  status,
  goals,
  submittedAt,
});
const wib = (day: string) => new Date(`${day}T10:00:00+07:00`);

describe('reward and follow-up rules', () => {
  describe('who is recognised (target met and improved)', () => {
    it.each<[string, PersonYear, boolean]>([
      [
        '20 JP of 20, a goal one level up',
        { earnedTenths: 200, targetJp: 20, plan: plan('in_progress', [goal(1, 2)]) },
        true,
      ],
      ['25 JP of 20, a goal reached', { earnedTenths: 250, targetJp: 20, plan: plan('closed', [goal(3, 3, 3)]) }, true],
      [
        '19.9 JP of 20, though improved',
        { earnedTenths: 199, targetJp: 20, plan: plan('in_progress', [goal(1, 3)]) },
        false,
      ],
      [
        'target met, no goal moved',
        { earnedTenths: 300, targetJp: 20, plan: plan('in_progress', [goal(1, 1)]) },
        false,
      ],
      ['target met, no plan', { earnedTenths: 300, targetJp: 20, plan: null }, false],
      [
        'no target set (JP rule does not apply)',
        { earnedTenths: 300, targetJp: null, plan: plan('in_progress', [goal(1, 2)]) },
        false,
      ],
      [
        'a target of 0 is met by anyone',
        { earnedTenths: 0, targetJp: 0, plan: plan('in_progress', [goal(1, 2)]) },
        true,
      ],
    ])('%s', (_name, person, expected) => {
      expect(deservesRecognition(person)).toBe(expected);
    });
  });

  describe('who needs follow-up, and why', () => {
    const afterCutoff = wib('2026-04-01');
    it.each<[string, PersonYear, Date, string[]]>([
      [
        'below target, plan in progress',
        { earnedTenths: 100, targetJp: 20, plan: plan('in_progress') },
        afterCutoff,
        ['below_target'],
      ],
      [
        'target met, plan in progress: nothing',
        { earnedTenths: 200, targetJp: 20, plan: plan('in_progress') },
        afterCutoff,
        [],
      ],
      ['no plan after the cut-off', { earnedTenths: 200, targetJp: 20, plan: null }, afterCutoff, ['no_plan']],
      ['no plan on 31 March itself: not yet', { earnedTenths: 200, targetJp: 20, plan: null }, wib('2026-03-31'), []],
      [
        'a draft after the cut-off, below target',
        { earnedTenths: 0, targetJp: 20, plan: plan('draft') },
        afterCutoff,
        ['below_target', 'plan_not_submitted'],
      ],
      [
        'a returned plan after the cut-off',
        { earnedTenths: 200, targetJp: 20, plan: plan('returned') },
        afterCutoff,
        ['plan_not_submitted'],
      ],
      ['a draft before the cut-off', { earnedTenths: 200, targetJp: 20, plan: plan('draft') }, wib('2026-02-10'), []],
      [
        'submitted 14 days ago, unanswered',
        { earnedTenths: 200, targetJp: 20, plan: plan('submitted', [], wib('2026-03-18')) },
        afterCutoff,
        ['review_unanswered'],
      ],
      [
        'submitted 13 days ago: still within time',
        { earnedTenths: 200, targetJp: 20, plan: plan('submitted', [], wib('2026-03-19')) },
        afterCutoff,
        [],
      ],
      [
        'endorsed: the review was answered',
        { earnedTenths: 200, targetJp: 20, plan: plan('endorsed', [], wib('2026-01-02')) },
        afterCutoff,
        [],
      ],
      ['no target: JP is no reason', { earnedTenths: 0, targetJp: null, plan: plan('approved') }, afterCutoff, []],
    ])('%s', (_name, person, now, reasons) => {
      expect(followUpReasons(person, 2026, now)).toEqual(reasons);
    });
  });

  it('counts reached goals and sees improvement goal by goal', () => {
    const goals = [goal(1, 3, 3), goal(2, 2, 4), goal(1, 1, 2, new Date())];
    expect(goalsReached(goals)).toBe(2);
    expect(improved([goal(2, 2, 4)])).toBe(false);
    expect(improved([goal(2, 3, 4)])).toBe(true);
    expect(improved([])).toBe(false);
  });

  it('passes the cut-off at midnight WIB after 31 March', () => {
    expect(cutoffPassedAt(2026).toISOString()).toBe('2026-03-31T17:00:00.000Z');
  });
});
