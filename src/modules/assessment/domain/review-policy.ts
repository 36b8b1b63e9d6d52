/**
 * When a learner sees what of a finished attempt. Scores come first (a learner wants to
 * know whether they passed); correct answers and feedback may wait until the quiz closes,
 * so that early finishers cannot pass the key to colleagues still taking it.
 */
export const REVIEW_TIMINGS = ['after_grading', 'after_close', 'never'] as const;
export type ReviewTiming = (typeof REVIEW_TIMINGS)[number];

export interface ReviewPolicy {
  showScore: ReviewTiming;
  showAnswers: ReviewTiming;
}

export interface ReviewMoment {
  /** The attempt's grade is final. */
  graded: boolean;
  /** The quiz's window has closed (no close date means it never closes). */
  quizClosed: boolean;
}

export function visible(timing: ReviewTiming, at: ReviewMoment): boolean {
  if (!at.graded) return false;
  if (timing === 'after_grading') return true;
  if (timing === 'after_close') return at.quizClosed;
  return false;
}

export function reviewRights(policy: ReviewPolicy, at: ReviewMoment): { score: boolean; answers: boolean } {
  return { score: visible(policy.showScore, at), answers: visible(policy.showAnswers, at) };
}
