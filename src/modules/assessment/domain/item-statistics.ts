/**
 * Item statistics for quiz questions, classical test theory style (as Moodle's quiz
 * statistics report): how easy each question was, whether it separates strong from weak
 * attempts, and how the options were chosen. Pure: callers turn frozen attempts and their
 * marks into observations; nothing here reads storage.
 */

export interface ItemObservation {
  questionId: string;
  /** 0..1 fraction earned on this item; null = not graded yet (skip). */
  fraction: number | null;
  /** Share of the attempt's maximum this item is worth (points / max). */
  weight: number;
  /** For choice questions (single/multiple/true_false): the option ids chosen ('true'/'false' for true_false); [] when unanswered. */
  chosen: string[];
  /**
   * Whether this is a choice question (single/multiple/true_false). An empty `chosen` cannot
   * tell an unanswered choice question from, say, an essay, so say it when known; when no
   * observation of a question says it, a question counts as a choice question once any
   * attempt chose something.
   */
  choice?: boolean;
}

export interface AttemptObservation {
  /** Total score of the attempt as a 0..1 fraction. */
  total: number;
  items: ItemObservation[];
}

export interface ItemStatistics {
  questionId: string;
  /** How many attempts answered/contained it. */
  attempts: number;
  /** Facility index: mean fraction, 0..1 (null when attempts = 0). */
  facility: number | null;
  /** Discrimination index: upper-lower 27% groups by total score: mean fraction upper − mean fraction lower, -1..1. Null when fewer than 10 attempts hold the item (too few to say). */
  discrimination: number | null;
  /** Point-biserial style: Pearson correlation between the item fraction and the total of the OTHER items (corrected item-total), null when variance is zero or fewer than 10 attempts. */
  correlation: number | null;
  /** Count of attempts choosing each option id (and 'unanswered'). Empty object for non-choice items. */
  options: Record<string, number>;
}

/** Below this many graded attempts of an item, discrimination and correlation say nothing. */
export const MIN_ATTEMPTS_FOR_INDICES = 10;
/** Share of attempts in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;
export const UNANSWERED = 'unanswered';

/** A variance below this (on the 0..1 scale) is float noise around a constant, not spread. */
const ZERO_VARIANCE = 1e-12;

interface Accumulator {
  questionId: string;
  /** Fractions and rest-of-attempt totals, in attempts' order of total descending. */
  fractions: number[];
  rests: number[];
  choice: boolean | undefined;
  chosenAny: boolean;
  options: Map<string, number>;
  unanswered: number;
}

/**
 * Statistics per question, in order of each question's first appearance. An observation
 * whose fraction is null (not graded yet) is skipped altogether, options included, so every
 * figure of a question describes the same attempts. A question id is expected at most once
 * per attempt.
 */
export function itemStatistics(attempts: AttemptObservation[]): ItemStatistics[] {
  const items = new Map<string, Accumulator>();

  // Pass 1, in input order: fixes the order of questions and counts options.
  for (const attempt of attempts) {
    for (const item of attempt.items) {
      let acc = items.get(item.questionId);
      if (!acc) {
        acc = {
          questionId: item.questionId,
          fractions: [],
          rests: [],
          choice: undefined,
          chosenAny: false,
          options: new Map(),
          unanswered: 0,
        };
        items.set(item.questionId, acc);
      }
      if (item.choice !== undefined) acc.choice = acc.choice || item.choice;
      if (item.fraction === null) continue;
      if (item.chosen.length === 0) {
        acc.unanswered++;
      } else {
        acc.chosenAny = true;
        const ids = item.chosen.length === 1 ? item.chosen : new Set(item.chosen);
        for (const id of ids) acc.options.set(id, (acc.options.get(id) ?? 0) + 1);
      }
    }
  }

  // Pass 2, best attempt first (ties keep input order): one sort serves every question's
  // upper and lower groups, which are then the two ends of its list.
  const order = attempts.map((_, i) => i).sort((a, b) => attempts[b].total - attempts[a].total || a - b);
  for (const index of order) {
    const { total, items: observed } = attempts[index];
    for (const item of observed) {
      if (item.fraction === null) continue;
      const acc = items.get(item.questionId)!;
      acc.fractions.push(item.fraction);
      acc.rests.push(total - item.fraction * item.weight);
    }
  }

  return [...items.values()].map(summarise);
}

function summarise(acc: Accumulator): ItemStatistics {
  const { fractions, rests } = acc;
  const n = fractions.length;
  const enough = n >= MIN_ATTEMPTS_FOR_INDICES;
  return {
    questionId: acc.questionId,
    attempts: n,
    facility: n > 0 ? round4(mean(fractions, 0, n)) : null,
    discrimination: enough ? round4(discrimination(fractions)) : null,
    correlation: enough ? pearson(fractions, rests) : null,
    options: (acc.choice ?? acc.chosenAny) ? optionCounts(acc) : {},
  };
}

/** `fractions` are ordered by attempt total, best first. */
function discrimination(fractions: number[]): number {
  const n = fractions.length;
  const group = Math.max(1, Math.round(GROUP_SHARE * n));
  return mean(fractions, 0, group) - mean(fractions, n - group, n);
}

/** Pearson's r, two-pass (centred sums) so 20,000 values of 0..1 lose no precision; null when either side is constant. */
function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  const mx = mean(xs, 0, n);
  const my = mean(ys, 0, n);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx / n < ZERO_VARIANCE || syy / n < ZERO_VARIANCE) return null;
  return round4(Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy))));
}

function optionCounts(acc: Accumulator): Record<string, number> {
  const counts = Object.fromEntries(acc.options);
  counts[UNANSWERED] = (counts[UNANSWERED] ?? 0) + acc.unanswered;
  return counts;
}

function mean(values: number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

/** Four decimals, and never -0. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000 + 0;
}
