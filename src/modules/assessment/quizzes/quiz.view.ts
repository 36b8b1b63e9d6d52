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
  updatedAt: string;
}

export function slotsOf(quiz: Quiz): SlotRule[] {
  return JSON.parse(quiz.slotsJson) as SlotRule[];
}

export function quizView(quiz: Quiz): QuizView {
  const slots = slotsOf(quiz);
  return {
    id: quiz.id,
    courseId: quiz.courseId,
    title: quiz.title,
    instructions: quiz.instructions,
    slots,
    questionCount: slots.reduce((n, s) => n + (s.kind === 'fixed' ? 1 : s.count), 0),
    timeLimitMinutes: quiz.timeLimitMinutes,
    opensAt: quiz.opensAt?.toISOString() ?? null,
    closesAt: quiz.closesAt?.toISOString() ?? null,
    attemptsAllowed: quiz.attemptsAllowed,
    gradingMethod: quiz.gradingMethod,
    passPercent: quiz.passPercent,
    showScore: quiz.showScore,
    showAnswers: quiz.showAnswers,
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    role: quiz.role,
    updatedAt: quiz.updatedAt.toISOString(),
  };
}
