import type { FieldProblem, QuestionInput } from './questions';

/**
 * The longest texts of a question, in characters: one rule for the question form (QuestionDto
 * takes these numbers) and for GIFT import (questionProblems checks them), so an imported
 * question can always be saved again from the form. A stem and a feedback fit a MySQL TEXT
 * column (64 KB) even written in 4-byte characters.
 */
export const TEXT_MAX = {
  stem: 10_000,
  feedback: 5_000,
  option: 2_000,
  optionFeedback: 2_000,
  answer: 500,
  pair: 500,
  item: 500,
  criterion: 500,
} as const;

/** Most accepted answers of a short-answer question, and most rubric criteria. */
export const MAX_ANSWERS = 50;
export const MAX_CRITERIA = 20;

/** Each text over its limit, by field, with the limit and the length found. */
export function lengthProblems(q: QuestionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: string, text: unknown, max: number) => {
    // Counted in characters as class-validator counts them: an emoji is one, not two.
    const length = typeof text === 'string' ? [...text].length : 0;
    if (length > max)
      problems.push({
        field,
        rule: 'maxLength',
        message: `${field} must be at most ${max.toLocaleString('en')} characters (it has ${length.toLocaleString('en')})`,
      });
  };
  check('stem', q.stem, TEXT_MAX.stem);
  check('feedback', q.feedback, TEXT_MAX.feedback);
  (q.options ?? []).forEach((o, i) => {
    check(`options.${i}.text`, o?.text, TEXT_MAX.option);
    check(`options.${i}.feedback`, o?.feedback, TEXT_MAX.optionFeedback);
  });
  (q.answers ?? []).forEach((a, i) => check(`answers.${i}`, a, TEXT_MAX.answer));
  (q.pairs ?? []).forEach((p, i) => {
    check(`pairs.${i}.prompt`, p?.prompt, TEXT_MAX.pair);
    check(`pairs.${i}.match`, p?.match, TEXT_MAX.pair);
  });
  (q.items ?? []).forEach((item, i) => check(`items.${i}`, item, TEXT_MAX.item));
  (q.rubric ?? []).forEach((r, i) => check(`rubric.${i}.criterion`, r?.criterion, TEXT_MAX.criterion));
  if ((q.answers?.length ?? 0) > MAX_ANSWERS)
    problems.push({ field: 'answers', rule: 'count', message: `at most ${MAX_ANSWERS} accepted answers` });
  if ((q.rubric?.length ?? 0) > MAX_CRITERIA)
    problems.push({ field: 'rubric', rule: 'count', message: `at most ${MAX_CRITERIA} rubric criteria` });
  return problems;
}
