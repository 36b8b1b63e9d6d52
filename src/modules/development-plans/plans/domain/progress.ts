import type { ActivityKind, DoneSource, PlanStatus } from '../entities';
import { planYearOf, planYearStart } from './plan-year';
import { shouldStart } from './workflow';

export interface ProgressPlan {
  year: number;
  status: PlanStatus;
  createdAt: Date;
}

export interface ProgressGoal {
  id: string;
  competencyCode: string;
  baselineLevel: number;
  targetLevel: number;
  currentLevel: number;
  reachedAt: Date | null;
}

export interface ProgressActivity {
  id: string;
  kind: ActivityKind;
  courseId: string | null;
  formCode: string | null;
  position: number;
  status: 'planned' | 'done';
  doneAt: Date | null;
  creditedJpTenths: number;
  doneSource: DoneSource | null;
  doneSourceId: string | null;
}

/** A JP credit of the plan's year (LearningApi.creditsOf). */
export interface ProgressCredit {
  source: 'course' | 'external' | 'mentoring';
  sourceId: string;
  jpTenths: number;
  earnedAt: Date;
  courseId: string | null;
  formCode: string | null;
}

export interface ProgressEvidence {
  competencyCode: string;
  level: number;
  earnedAt: Date;
}

export interface ProgressPostTest {
  courseId: string;
  quizId: string;
  passed: boolean;
  at: Date | null;
}

export interface ProgressState {
  status: PlanStatus;
  earnedJpTenths: number;
  goals: ProgressGoal[];
  activities: ProgressActivity[];
}

/**
 * A plan's progress from the facts as they are now: an activity is done when a matching
 * fact exists (a course by a credit of that course, else by a passed post-test of it in the
 * plan's year; a form by an external activity of that form, or mentoring by a mentoring
 * credit; each credit ticks one activity, the earliest first), the earned JP are the year's
 * ledger total, and a goal's current level is the highest of its baseline and the evidence.
 * Nothing depends on the order the facts arrived in or on duplicates among them, so any
 * sequence of refreshes ends in the same state as one refresh after everything.
 */
export function applyProgress(
  plan: ProgressPlan,
  goals: readonly ProgressGoal[],
  activities: readonly ProgressActivity[],
  credits: readonly ProgressCredit[],
  evidence: readonly ProgressEvidence[],
  postTests: readonly ProgressPostTest[],
  now: Date,
): ProgressState {
  const unique = uniqueCredits(credits);
  const used = new Set<string>();
  const passed = postTests
    .filter((p) => p.passed && p.at && planYearOf(p.at) === plan.year)
    .sort((a, b) => a.at!.getTime() - b.at!.getTime() || a.quizId.localeCompare(b.quizId));

  const ordered = [...activities].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const ticked = new Map<string, ProgressActivity>();
  for (const activity of ordered) {
    const credit = unique.find((c) => !used.has(keyOf(c)) && matches(activity, c));
    if (credit) {
      used.add(keyOf(credit));
      ticked.set(activity.id, {
        ...activity,
        status: 'done',
        doneAt: credit.earnedAt,
        creditedJpTenths: credit.jpTenths,
        doneSource: credit.source,
        doneSourceId: credit.sourceId,
      });
      continue;
    }
    const test = activity.kind === 'course' ? passed.find((p) => p.courseId === activity.courseId) : undefined;
    ticked.set(
      activity.id,
      test
        ? {
            ...activity,
            status: 'done',
            doneAt: test.at,
            creditedJpTenths: 0,
            doneSource: 'posttest',
            doneSourceId: test.quizId,
          }
        : { ...activity, status: 'planned', doneAt: null, creditedJpTenths: 0, doneSource: null, doneSourceId: null },
    );
  }

  const nextActivities = activities.map((a) => ticked.get(a.id)!);
  const anyDone = nextActivities.some((a) => a.status === 'done');
  return {
    status: shouldStart(plan.status, anyDone, now, planYearStart(plan.year)) ? 'in_progress' : plan.status,
    earnedJpTenths: unique.reduce((sum, c) => sum + c.jpTenths, 0),
    goals: goals.map((g) => goalProgress(plan, g, evidence)),
    activities: nextActivities,
  };
}

function goalProgress(plan: ProgressPlan, goal: ProgressGoal, evidence: readonly ProgressEvidence[]): ProgressGoal {
  const mine = evidence.filter((e) => e.competencyCode === goal.competencyCode);
  const currentLevel = Math.max(goal.baselineLevel, ...mine.map((e) => e.level));
  if (currentLevel < goal.targetLevel) return { ...goal, currentLevel, reachedAt: null };
  const reaching = mine.filter((e) => e.level >= goal.targetLevel).map((e) => e.earnedAt.getTime());
  // Reached by evidence: when the first such evidence was earned; by the baseline: from the start.
  const reachedAt = reaching.length ? new Date(Math.min(...reaching)) : plan.createdAt;
  return { ...goal, currentLevel, reachedAt };
}

function matches(activity: ProgressActivity, credit: ProgressCredit): boolean {
  if (activity.kind === 'course') return credit.source === 'course' && credit.courseId === activity.courseId;
  if (credit.source === 'external') return credit.formCode !== null && credit.formCode === activity.formCode;
  return credit.source === 'mentoring' && activity.formCode === 'mentoring';
}

const keyOf = (c: ProgressCredit) => `${c.source}:${c.sourceId}`;

/** Each credit once (a replayed event may deliver it twice), earliest first, ties by source and id. */
function uniqueCredits(credits: readonly ProgressCredit[]): ProgressCredit[] {
  const byKey = new Map<string, ProgressCredit>();
  for (const c of credits) if (!byKey.has(keyOf(c))) byKey.set(keyOf(c), c);
  return [...byKey.values()].sort(
    (a, b) => a.earnedAt.getTime() - b.earnedAt.getTime() || keyOf(a).localeCompare(keyOf(b)),
  );
}
