import { FrozenQuestion, SlotMark } from '../domain/attempt-score';
import { Response } from '../domain/grading';
import { Choice, QuestionContent, QuestionKey } from '../domain/questions';
import { reviewRights, ReviewPolicy } from '../domain/review-policy';
import { shownAnswer } from '../domain/short-answer';
import { QuizAttempt } from '../entities';

/**
 * What a learner receives of an attempt. Every field is picked by name from an allow-list
 * (never spread from the snapshot), so an answer key cannot slip into a response by a
 * field added elsewhere; review data is added only when the review policy allows it.
 */
/** What an attempt showed of a question's choices, each id with its text. */
export interface ShownChoices {
  options?: Choice[];
  prompts?: Choice[];
  choices?: Choice[];
  items?: Choice[];
}

export interface LearnerQuestion extends ShownChoices {
  slot: number;
  type: FrozenQuestion['type'];
  stem: string;
  points: number;
}

export interface SlotReview {
  slot: number;
  scored: number | null;
  max: number;
  /** The response in the same shape a learner gives (accepted answers for short ones). */
  correctResponse: unknown;
  feedback: string | null;
  optionFeedback: Record<string, string> | null;
  comment: string | null;
}

export interface AttemptView {
  id: string;
  quizId: string;
  courseId: string;
  number: number;
  /** A grading failure is the platform's problem: the learner sees it as still being graded. */
  status: 'in_progress' | 'submitted' | 'awaiting_manual' | 'graded';
  startedAt: string;
  dueAt: string | null;
  /** The server's clock, so that a phone with a wrong clock still shows the right time left. */
  serverNow: string;
  submittedAt: string | null;
  closedBy: QuizAttempt['closedBy'];
  revision: number;
  questions: LearnerQuestion[];
  responses: Record<string, Response>;
  result: { score: number; max: number; percent: number; passed: boolean } | null;
  review: SlotReview[] | null;
}

export interface ViewContext {
  now: Date;
  policy: ReviewPolicy;
  passPercent: number;
  quizClosed: boolean;
}

export const LEARNER_ATTEMPT_FIELDS = [
  'id',
  'quizId',
  'courseId',
  'number',
  'status',
  'startedAt',
  'dueAt',
  'serverNow',
  'submittedAt',
  'closedBy',
  'revision',
  'questions',
  'responses',
  'result',
  'review',
] as const;

export function learnerAttemptView(attempt: QuizAttempt, snapshot: FrozenQuestion[], at: ViewContext): AttemptView {
  const graded = attempt.status === 'graded';
  const rights = reviewRights(at.policy, { graded, quizClosed: at.quizClosed });
  const marks = attempt.marksJson ? (JSON.parse(attempt.marksJson) as Record<string, SlotMark>) : {};
  const percent = attempt.percentHundredths === null ? null : attempt.percentHundredths / 100;
  return {
    id: attempt.id,
    quizId: attempt.quizId,
    courseId: attempt.courseId,
    number: attempt.number,
    status: attempt.status === 'failed' ? 'submitted' : attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    dueAt: attempt.dueAt?.toISOString() ?? null,
    serverNow: at.now.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    closedBy: attempt.closedBy,
    revision: attempt.revision,
    questions: snapshot.map(learnerQuestion),
    responses: JSON.parse(attempt.responsesJson) as Record<string, Response>,
    result:
      rights.score && percent !== null
        ? {
            score: (attempt.scoreHundredths ?? 0) / 100,
            max: attempt.maxHundredths / 100,
            percent,
            passed: percent + 1e-9 >= at.passPercent,
          }
        : null,
    review: rights.answers ? snapshot.map((q) => slotReview(q, marks[String(q.slot)])) : null,
  };
}

function learnerQuestion(q: FrozenQuestion): LearnerQuestion {
  return { slot: q.slot, type: q.type, stem: q.stem, points: q.points, ...shownChoices(q.content) };
}

/** The choices of a question as the attempt showed them: ids and texts only, never a key. */
export function shownChoices(content: QuestionContent): ShownChoices {
  const texts = (list: Choice[]) => list.map((x) => ({ id: x.id, text: x.text }));
  switch (content.type) {
    case 'single':
    case 'multiple':
      return { options: texts(content.options) };
    case 'matching':
      return { prompts: texts(content.prompts), choices: texts(content.choices) };
    case 'ordering':
      return { items: texts(content.items) };
    default:
      return {};
  }
}

function slotReview(q: FrozenQuestion, mark: SlotMark | undefined): SlotReview {
  const k = q.key;
  return {
    slot: q.slot,
    scored: mark?.scored === null || mark === undefined ? null : mark.scored / 100,
    max: Math.round(q.points * 100) / 100,
    // A learner reads an accepted answer as Moodle shows it ("Soekarno", not the pattern "Soekarno*").
    correctResponse: k.type === 'short' ? k.answers.map(shownAnswer) : correctResponse(k),
    feedback: q.feedback,
    optionFeedback: k.type === 'single' || k.type === 'multiple' ? { ...k.feedback } : null,
    comment: mark?.comment ?? null,
  };
}

export function correctResponse(k: QuestionKey): unknown {
  switch (k.type) {
    case 'single':
    case 'true_false':
      return k.correct;
    case 'multiple':
      return [...k.correct];
    case 'short':
      return [...k.answers];
    case 'numeric':
      return { answer: k.answer, tolerance: k.tolerance };
    case 'matching':
      return { ...k.pairs };
    case 'ordering':
      return [...k.order];
    case 'essay':
      return null;
  }
}
