import { SlotRule } from '../domain/snapshot';
import { Quiz } from '../entities';

/** A quiz as its editors see it. */
export interface QuizView {
  id: string;
  courseId: string;
  title: string;
  instructions: string | null;
  slots: SlotRule[];
  /** How many questions an attempt holds. */
  questionCount: number;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  attemptsAllowed: number | null;
  gradingMethod: Quiz['gradingMethod'];
  passPercent: number;
  showScore: Quiz['showScore'];
  showAnswers: Quiz['showAnswers'];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  role: Quiz['role'];
  /**
   * What stops the quiz from being started now: slots whose questions were retired from the
   * bank since it was saved (learners are refused until it is fixed). Empty when it can start.
   */
  problems: QuizProblem[];
  updatedAt: string;
}

/** A slot a learner's start would fail on; `slot` counts from 1, as the quiz form shows it. */
export interface QuizProblem {
  slot: number;
  /** withdrawn: a fixed question was retired; enough_questions: a draw finds too few questions. */
  rule: 'withdrawn' | 'enough_questions';
  message: string;
  /** enough_questions: how many the slot draws, and how many matching questions are left for it. */
  count?: number;
  left?: number;
}

/** How a quiz runs, as both its editors and its learners see it. */
export function quizSchedule(quiz: Quiz) {
  return {
    timeLimitMinutes: quiz.timeLimitMinutes,
    opensAt: quiz.opensAt?.toISOString() ?? null,
    closesAt: quiz.closesAt?.toISOString() ?? null,
    attemptsAllowed: quiz.attemptsAllowed,
    gradingMethod: quiz.gradingMethod,
    passPercent: quiz.passPercent,
    role: quiz.role,
  };
}

export function questionCountOf(slots: SlotRule[]): number {
  return slots.reduce((n, s) => n + (s.kind === 'fixed' ? 1 : s.count), 0);
}

export function slotsOf(quiz: Quiz): SlotRule[] {
  return JSON.parse(quiz.slotsJson) as SlotRule[];
}

export function quizView(quiz: Quiz, problems: QuizProblem[] = []): QuizView {
  const slots = slotsOf(quiz);
  return {
    id: quiz.id,
    courseId: quiz.courseId,
    title: quiz.title,
    instructions: quiz.instructions,
    slots,
    questionCount: questionCountOf(slots),
    ...quizSchedule(quiz),
    showScore: quiz.showScore,
    showAnswers: quiz.showAnswers,
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    problems,
    updatedAt: quiz.updatedAt.toISOString(),
  };
}
