import { JOB_MAX_ATTEMPTS } from '../../../../libs/queue/jobs';

/**
 * Why an attempt's grading failed, as quiz_attempt.grading_error keeps it and the API shows
 * it: a stable English sentence, never a driver's or a library's text (that goes to the log,
 * with the attempt). Pages word each in their own language by this sentence (quiz.messages.ts),
 * so a reason is added here, never written inline.
 */
export const GradingFailure = {
  /** The attempt's frozen questions or answers cannot be parsed: grading again cannot help. */
  unreadable: 'The attempt snapshot cannot be read',
  /** The grading job failed in a way a retry cannot fix. */
  permanent: 'The attempt cannot be graded',
  /** The workers grading it stopped (killed, out of memory) too often: the queue gave it up. */
  abandoned: 'Grading stopped: the process grading it stopped too often',
  /** The grading job failed on every try (the database was unwell, say). */
  gaveUp: `Grading gave up after ${JOB_MAX_ATTEMPTS} tries`,
} as const;

export type GradingFailureReason = (typeof GradingFailure)[keyof typeof GradingFailure];
