import type { PlanStatus } from '../../plans/entities/development-plan.entity';

/**
 * Who is recognised and who needs follow-up in a year, as pure rules over one person's
 * JP, target and plan. Both lists are read by the unit admin for recognition (penghargaan)
 * or coaching (pembinaan); a person may be on both (met the target, but a plan left waiting).
 */

/** A plan should be submitted by the end of March (WIB) of its year; later, draft or returned is late. */
export const PLAN_CUTOFF_MONTH_DAY = '03-31';
/** A plan submitted this many days ago without the supervisor's answer is an unanswered review. */
export const REVIEW_ANSWER_DAYS = 14;

export const FOLLOW_UP_REASONS = ['below_target', 'no_plan', 'plan_not_submitted', 'review_unanswered'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export interface GoalFacts {
  baselineLevel: number;
  currentLevel: number;
  targetLevel: number;
  reachedAt: Date | null;
}

export interface PersonYear {
  /** JP credited in the year, in tenths. */
  earnedTenths: number;
  /** The yearly target of the person's employee type; null when none is set (no JP rule applies). */
  targetJp: number | null;
  plan: { status: PlanStatus; submittedAt: Date | null; goals: GoalFacts[] } | null;
}

/** The first instant after the cut-off day (00:00 WIB on the day after it). */
export function cutoffPassedAt(year: number): Date {
  const cutoff = new Date(`${year}-${PLAN_CUTOFF_MONTH_DAY}T00:00:00+07:00`);
  return new Date(cutoff.getTime() + 24 * 3600 * 1000);
}

export const goalReached = (g: GoalFacts) => g.reachedAt !== null || g.currentLevel >= g.targetLevel;

export function goalsReached(goals: GoalFacts[]): number {
  return goals.filter(goalReached).length;
}

/** At least one goal rose above its level at planning time, or was reached. */
export function improved(goals: GoalFacts[]): boolean {
  return goals.some((g) => g.currentLevel > g.baselineLevel || goalReached(g));
}

/** True or false against the target; null when the person has no target (the JP rule does not apply). */
export function metTarget(p: Pick<PersonYear, 'earnedTenths' | 'targetJp'>): boolean | null {
  if (p.targetJp === null) return null;
  return p.earnedTenths >= Math.round(p.targetJp * 10);
}

/** "Memenuhi target dan meningkat": the JP target met and a plan goal improved in the year. */
export function deservesRecognition(p: PersonYear): boolean {
  return metTarget(p) === true && improved(p.plan?.goals ?? []);
}

/** "Perlu pembinaan": every reason that applies at `now` (empty when none does). */
export function followUpReasons(p: PersonYear, year: number, now: Date): FollowUpReason[] {
  const reasons: FollowUpReason[] = [];
  if (metTarget(p) === false) reasons.push('below_target');
  const late = now.getTime() >= cutoffPassedAt(year).getTime();
  if (!p.plan) {
    if (late) reasons.push('no_plan');
    return reasons;
  }
  if (late && (p.plan.status === 'draft' || p.plan.status === 'returned')) reasons.push('plan_not_submitted');
  const waitedMs = p.plan.submittedAt ? now.getTime() - new Date(p.plan.submittedAt).getTime() : 0;
  if (p.plan.status === 'submitted' && waitedMs >= REVIEW_ANSWER_DAYS * 24 * 3600 * 1000) {
    reasons.push('review_unanswered');
  }
  return reasons;
}
