import { grade, Response } from './grading';
import { QuestionContent, QuestionKey, QuestionType } from './questions';

/** A question as frozen into an attempt at its start: what was shown, in the order shown. */
export interface FrozenQuestion {
  slot: number;
  questionId: string;
  type: QuestionType;
  stem: string;
  points: number;
  feedback: string | null;
  content: QuestionContent;
  key: QuestionKey;
  /**
   * Bank id → id shown in this attempt, for choices given fresh ids at the start
   * (matching choices, ordering items), so that ids cannot give the answer away.
   */
  labels?: Record<string, string>;
}

/** What scoring reads of a frozen question. */
export type GradingKey = Pick<FrozenQuestion, 'slot' | 'points' | 'key'>;

export interface SlotMark {
  /** Points earned, in hundredths; null until a person grades it. */
  scored: number | null;
  max: number;
  /** Set when a person graded or overrode it. */
  comment?: string;
  /**
   * What the person gave, when the question's points changed since: later rescales start
   * from it, so a mark moved 3 → 1 → 3 points comes back as given, not rounded twice.
   */
  given?: { scored: number; max: number };
}

export interface AttemptScore {
  marks: Record<string, SlotMark>;
  scoreHundredths: number;
  maxHundredths: number;
  /** Essays still to grade: the attempt is not final yet. */
  awaitingManual: boolean;
}

/**
 * Scores every slot of a frozen attempt. Marks a person already gave (essays, overrides)
 * are kept, so regrading after a key fix never throws away a grader's work; when the
 * question's points changed, the mark keeps its share of the new points.
 */
export function scoreAttempt(
  questions: GradingKey[],
  responses: Record<string, Response>,
  manual: Record<string, SlotMark> = {},
): AttemptScore {
  const marks: Record<string, SlotMark> = {};
  for (const q of questions) {
    const slot = String(q.slot);
    const max = Math.round(q.points * 100);
    const kept = manual[slot];
    if (kept && kept.scored !== null && kept.comment !== undefined) {
      const rescaledMark = kept.max === max ? kept : rescaled(kept, max);
      if (rescaledMark) {
        marks[slot] = rescaledMark;
        continue;
      }
    }
    const { fraction } = grade(q.key, responses[slot]);
    marks[slot] = { scored: fraction === null ? null : Math.round(fraction * max), max };
  }
  return totals(marks);
}

/**
 * A person's mark on a question whose points changed since (a regrade after the points
 * were fixed): the same share of the new points, in whole hundredths, with its comment,
 * always worked out from the mark as given. Null when it was given out of no points: it
 * says nothing of a share, so the slot is scored again (an essay waits for a person).
 */
function rescaled(kept: SlotMark, max: number): SlotMark | null {
  const given = kept.given ?? { scored: kept.scored!, max: kept.max };
  if (given.max <= 0) return null;
  const scored = Math.min(max, Math.max(0, Math.round((given.scored / given.max) * max)));
  return max === given.max ? { ...kept, scored, max, given: undefined } : { ...kept, scored, max, given };
}

export function totals(marks: Record<string, SlotMark>): AttemptScore {
  const all = Object.values(marks);
  return {
    marks,
    scoreHundredths: all.reduce((sum, m) => sum + (m.scored ?? 0), 0),
    maxHundredths: all.reduce((sum, m) => sum + m.max, 0),
    awaitingManual: all.some((m) => m.scored === null),
  };
}

/** Percent with two decimals (so 2/3 shows 66.67), 0 for an empty quiz. */
export function percentOf(score: number, max: number): number {
  return max > 0 ? Math.round((score / max) * 10_000) / 100 : 0;
}

export const GRADING_METHODS = ['highest', 'last', 'average'] as const;
export type GradingMethod = (typeof GRADING_METHODS)[number];

/** A finished attempt (submitted or later) as the quiz grade sees it. */
export interface FinishedAttempt {
  /** Its grade is final. */
  graded: boolean;
  /** Its percent once graded. */
  percent: number | null;
}

/** Attempts the learner has handed in, whatever became of their grading: what the quiz grade reads. */
export const FINISHED_STATUSES = ['submitted', 'awaiting_manual', 'graded', 'failed'] as const;

/** A stored finished attempt as the quiz grade sees it. */
export function finishedAttempt(a: { status: string; percentHundredths: number | null }): FinishedAttempt {
  return {
    graded: a.status === 'graded',
    percent: a.status === 'graded' && a.percentHundredths !== null ? a.percentHundredths / 100 : null,
  };
}

/**
 * The learner's grade for a quiz from their finished attempts (submitted or later), in attempt
 * order; null before any grade. The one definition for the quiz page, course completion, plans
 * and the learning-gain report. "Last" means the newest finished attempt: while that one waits
 * for an essay mark (or for grading) the grade waits too (null), rather than passing off the
 * attempt before it as the last. Highest and average take the final grades there are.
 */
export function quizGradeOf(method: GradingMethod, finished: FinishedAttempt[]): number | null {
  if (method === 'last' && finished.length > 0 && !finished[finished.length - 1].graded) return null;
  const percents = finished.filter((a) => a.graded).map((a) => a.percent!);
  if (percents.length === 0) return null;
  switch (method) {
    case 'highest':
      return Math.max(...percents);
    case 'last':
      return percents[percents.length - 1];
    case 'average':
      return Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 100) / 100;
  }
}

export function passes(percent: number | null, passPercent: number): boolean {
  return percent !== null && percent + 1e-9 >= passPercent;
}
