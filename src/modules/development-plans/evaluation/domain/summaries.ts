import { REACTION_ITEMS, ReactionItem, SCALE } from './answers';
import { APPLIED_ANSWERS, AppliedAnswer, FollowUpRole, FollowUpStatus } from '../entities/follow-up-survey.entity';

/** How many answers gave each score (1-5) of one item. */
export type Distribution = Record<(typeof SCALE)[number], number>;

export interface ItemResult {
  item: ReactionItem;
  mean: number | null;
  distribution: Distribution;
}

export interface ReactionSummary {
  /** Questionnaires sent (completions) and answered. */
  requested: number;
  answered: number;
  responseRate: number | null;
  items: ItemResult[];
  /** Mean of the three item means. */
  overallMean: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const emptyDistribution = (): Distribution => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

/** L1 results from score counts per item (what a GROUP BY returns). */
export function reactionSummary(
  requested: number,
  counts: Array<{ item: ReactionItem; score: number; count: number }>,
): ReactionSummary {
  const items = REACTION_ITEMS.map((item) => {
    const distribution = emptyDistribution();
    for (const c of counts) if (c.item === item && c.score in distribution) distribution[c.score as 1] += c.count;
    const n = SCALE.reduce((sum, s) => sum + distribution[s], 0);
    const total = SCALE.reduce((sum, s) => sum + s * distribution[s], 0);
    return { item, mean: n ? round2(total / n) : null, distribution, n };
  });
  const answered = items[0].n;
  const means = items.map((i) => i.mean).filter((m): m is number => m !== null);
  return {
    requested,
    answered,
    responseRate: requested ? round2((answered / requested) * 100) : null,
    items: items.map(({ item, mean, distribution }) => ({ item, mean, distribution })),
    overallMean: means.length ? round2(means.reduce((a, b) => a + b, 0) / means.length) : null,
  };
}

export interface BehaviourSide {
  role: FollowUpRole;
  /** Sent so far (answered, expired or still open). */
  sent: number;
  answered: number;
  expired: number;
  /** Not yet due. */
  scheduled: number;
  /** answered / sent, in percent. */
  answeredPercent: number | null;
  applied: Record<AppliedAnswer, number>;
}

/** L3 results per side (learner, supervisor) from counts by role, status and answer. */
export function behaviourSummary(
  counts: Array<{ role: FollowUpRole; status: FollowUpStatus; applied: AppliedAnswer | null; count: number }>,
): BehaviourSide[] {
  return (['learner', 'supervisor'] as const).map((role) => {
    const mine = counts.filter((c) => c.role === role);
    const sum = (status: FollowUpStatus) => mine.filter((c) => c.status === status).reduce((a, c) => a + c.count, 0);
    const sent = sum('sent') + sum('answered') + sum('expired');
    const answered = sum('answered');
    const applied = Object.fromEntries(APPLIED_ANSWERS.map((a) => [a, 0])) as Record<AppliedAnswer, number>;
    for (const c of mine) if (c.status === 'answered' && c.applied) applied[c.applied] += c.count;
    return {
      role,
      sent,
      answered,
      expired: sum('expired'),
      scheduled: sum('scheduled'),
      answeredPercent: sent ? round2((answered / sent) * 100) : null,
      applied,
    };
  });
}

export interface GainRow {
  pre: number | null;
  post: number | null;
}

export interface GainSummary {
  learners: number;
  preMean: number | null;
  postMean: number | null;
  gainMean: number | null;
  /** Hake's normalised gain (post − pre) / (100 − pre), averaged over learners who started below 100. */
  normalisedGainMean: number | null;
}

/** L2 over learners of several courses (a competency's courses): the same arithmetic as a course's gain. */
export function gainSummary(rows: GainRow[]): GainSummary {
  const both = rows.filter((r): r is { pre: number; post: number } => r.pre !== null && r.post !== null);
  const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  const normalised = both.filter((r) => r.pre < 100).map((r) => (r.post - r.pre) / (100 - r.pre));
  return {
    learners: both.length,
    preMean: mean(both.map((r) => r.pre)),
    postMean: mean(both.map((r) => r.post)),
    gainMean: mean(both.map((r) => r.post - r.pre)),
    normalisedGainMean: normalised.length
      ? Math.round((normalised.reduce((a, b) => a + b, 0) / normalised.length) * 10_000) / 10_000
      : null,
  };
}
