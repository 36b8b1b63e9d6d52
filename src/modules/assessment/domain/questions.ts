/**
 * Questions as an instructor writes them (the authoring shape, also what GIFT import
 * produces) and as they are stored: split into `content`, which a learner may see, and
 * `key`, which only grading and the review policy read. Keeping the key in its own
 * object is what makes "no answer key reaches the browser" structural, not a filter.
 */
import { lengthProblems } from './question-limits';
import { acceptsAnything, normaliseText } from './short-answer';

export { normaliseText };

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true_false',
  'short',
  'numeric',
  'matching',
  'ordering',
  'essay',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const MULTIPLE_SCORING = ['all_or_nothing', 'partial'] as const;
export type MultipleScoring = (typeof MULTIPLE_SCORING)[number];

export interface OptionInput {
  text: string;
  correct?: boolean;
  feedback?: string;
}

export interface QuestionInput {
  type: QuestionType;
  /** Plain text; pages escape it. */
  stem: string;
  points?: number;
  competencyCode?: string | null;
  difficulty?: Difficulty;
  /** General feedback, shown when the review policy allows. */
  feedback?: string | null;
  /** single, multiple */
  options?: OptionInput[];
  /** multiple: partial = right minus wrong, never below zero. */
  scoring?: MultipleScoring;
  /** true_false */
  correct?: boolean;
  /** short: accepted answers (alternatives). */
  answers?: string[];
  caseSensitive?: boolean;
  /** numeric */
  answer?: number;
  tolerance?: number;
  /** matching: each prompt with its match. */
  pairs?: Array<{ prompt: string; match: string }>;
  /** ordering: items in their correct order. */
  items?: string[];
  /** essay: criteria the grader scores against. */
  rubric?: Array<{ criterion: string; points: number }>;
}

export interface Choice {
  id: string;
  text: string;
}

/** What a learner may see of a question. */
export type QuestionContent =
  | { type: 'single' | 'multiple'; options: Choice[] }
  | { type: 'true_false' }
  | { type: 'short' }
  | { type: 'numeric' }
  | { type: 'matching'; prompts: Choice[]; choices: Choice[] }
  | { type: 'ordering'; items: Choice[] }
  | { type: 'essay' };

/** What grading reads; never sent to a learner before the review policy allows. */
export type QuestionKey =
  | { type: 'single'; correct: string; feedback: Record<string, string> }
  | { type: 'multiple'; correct: string[]; scoring: MultipleScoring; feedback: Record<string, string> }
  | { type: 'true_false'; correct: boolean }
  | { type: 'short'; answers: string[]; caseSensitive: boolean }
  | { type: 'numeric'; answer: number; tolerance: number }
  | { type: 'matching'; pairs: Record<string, string> }
  | { type: 'ordering'; order: string[] }
  | { type: 'essay'; rubric: Array<{ criterion: string; points: number }> };

export interface StoredQuestion {
  type: QuestionType;
  stem: string;
  points: number;
  feedback: string | null;
  content: QuestionContent;
  key: QuestionKey;
}

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

const MAX_OPTIONS = 20;

/**
 * Every rule of a question, each problem named by its field: the form's DTO checks shapes
 * first, GIFT import relies on this alone (text lengths included, see question-limits.ts).
 */
export function questionProblems(q: QuestionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (!q.stem?.trim()) add('stem', 'required', 'stem must not be empty');
  problems.push(...lengthProblems(q));
  const points = pointsOf(q);
  // Points taken from a rubric with a criterion of no points: that criterion is the problem.
  const fromBadRubric = q.points == null && q.type === 'essay' && (q.rubric ?? []).some((r) => !(r.points > 0));
  // Compared with slack: 0.29 * 100 is 28.999999999999996 in floating point.
  if (fromBadRubric) {
    // reported below, by criterion
  } else if (!(points > 0 && points <= 100) || Math.abs(Math.round(points * 100) - points * 100) > 1e-6)
    add('points', 'range', 'points must be between 0.01 and 100, with at most two decimals');
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const options = q.options ?? [];
      if (options.length < 2 || options.length > MAX_OPTIONS)
        add('options', 'count', `a choice question needs 2 to ${MAX_OPTIONS} options`);
      options.forEach((o, i) => {
        if (!o.text?.trim()) add(`options.${i}.text`, 'required', 'an option needs a text');
      });
      const correct = options.filter((o) => o.correct).length;
      if (q.type === 'single' && correct !== 1) add('options', 'one_correct', 'exactly one option must be correct');
      if (q.type === 'multiple' && correct < 1) add('options', 'some_correct', 'at least one option must be correct');
      if (new Set(options.map((o) => o.text?.trim())).size !== options.length)
        add('options', 'unique', 'options must differ from each other');
      break;
    }
    case 'true_false':
      if (typeof q.correct !== 'boolean') add('correct', 'required', 'say whether the statement is true');
      break;
    case 'short':
      if (!q.answers?.length || q.answers.some((a) => !normaliseText(a, true)))
        add('answers', 'required', 'give at least one accepted answer, none empty');
      // `*` alone would give every learner the mark (Moodle's catch-all is a 0% answer).
      else if (q.answers.some(acceptsAnything))
        add('answers', 'wildcard_only', 'an accepted answer of only "*" would accept any answer');
      break;
    case 'numeric':
      if (typeof q.answer !== 'number' || !Number.isFinite(q.answer)) add('answer', 'required', 'give the answer');
      if (q.tolerance !== undefined && !(q.tolerance >= 0)) add('tolerance', 'min', 'tolerance must be 0 or more');
      break;
    case 'matching': {
      const pairs = q.pairs ?? [];
      if (pairs.length < 2 || pairs.length > MAX_OPTIONS)
        add('pairs', 'count', `matching needs 2 to ${MAX_OPTIONS} pairs`);
      pairs.forEach((p, i) => {
        if (!p.prompt?.trim() || !p.match?.trim()) add(`pairs.${i}`, 'required', 'a pair needs a prompt and a match');
      });
      if (new Set(pairs.map((p) => p.prompt?.trim())).size !== pairs.length)
        add('pairs', 'unique', 'prompts must differ from each other');
      break;
    }
    case 'ordering': {
      const items = q.items ?? [];
      if (items.length < 2 || items.length > MAX_OPTIONS)
        add('items', 'count', `ordering needs 2 to ${MAX_OPTIONS} items`);
      if (items.some((i) => !i?.trim())) add('items', 'required', 'items must not be empty');
      if (new Set(items.map((i) => i?.trim())).size !== items.length)
        add('items', 'unique', 'items must differ from each other');
      break;
    }
    case 'essay': {
      const rubric = q.rubric ?? [];
      rubric.forEach((r, i) => {
        if (!r.criterion?.trim()) add(`rubric.${i}.criterion`, 'required', 'a criterion needs a text');
        if (!(r.points > 0)) add(`rubric.${i}.points`, 'min', 'a criterion is worth more than 0 points');
      });
      // The grader scores each criterion and enters their sum: another maximum could not be reached, or would be passed.
      const total = rubricTotal(rubric);
      if (rubric.length && q.points != null && Math.abs(q.points - total) > 0.005)
        add(
          'points',
          'rubric_total',
          `points (${q.points}) must equal the rubric's total (${total}), or be left out to take that total`,
        );
      break;
    }
  }
  return problems;
}

/** The question's points: as given, else an essay with a rubric is worth the rubric's total, else 1. */
export function pointsOf(q: QuestionInput): number {
  if (q.points != null) return q.points;
  return q.type === 'essay' && q.rubric?.length ? rubricTotal(q.rubric) : 1;
}

/** The sum of a rubric's criteria, in hundredths as points are kept (no 0.1 + 0.2 float tails). */
export function rubricTotal(rubric: Array<{ points: number }>): number {
  return Math.round(rubric.reduce((sum, r) => sum + r.points, 0) * 100) / 100;
}

/**
 * Splits a valid input into what learners see and the key. Choice ids are short and
 * positional (`a`, `b`, …) so that an exported or re-imported bank keeps them stable.
 */
export function toStored(q: QuestionInput): StoredQuestion {
  const base = { type: q.type, stem: q.stem.trim(), points: pointsOf(q), feedback: q.feedback?.trim() || null };
  const ids = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}${choiceId(i)}`);
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const options = q.options!;
      const optionIds = ids(options.length);
      const feedback: Record<string, string> = {};
      options.forEach((o, i) => {
        if (o.feedback?.trim()) feedback[optionIds[i]] = o.feedback.trim();
      });
      const correct = optionIds.filter((_, i) => options[i].correct);
      const content: QuestionContent = {
        type: q.type,
        options: options.map((o, i) => ({ id: optionIds[i], text: o.text.trim() })),
      };
      const key: QuestionKey =
        q.type === 'single'
          ? { type: 'single', correct: correct[0], feedback }
          : { type: 'multiple', correct, scoring: q.scoring ?? 'partial', feedback };
      return { ...base, content, key };
    }
    case 'true_false':
      return { ...base, content: { type: 'true_false' }, key: { type: 'true_false', correct: q.correct! } };
    case 'short':
      return {
        ...base,
        content: { type: 'short' },
        key: { type: 'short', answers: q.answers!.map((a) => a.trim()), caseSensitive: q.caseSensitive ?? false },
      };
    case 'numeric':
      return {
        ...base,
        content: { type: 'numeric' },
        key: { type: 'numeric', answer: q.answer!, tolerance: q.tolerance ?? 0 },
      };
    case 'matching': {
      const pairs = q.pairs!;
      const promptIds = ids(pairs.length, 'p');
      // Prompts sharing a match (Kucing → Hewan, Anjing → Hewan) share one choice: two alike
      // choices would leave the learner guessing which of them each prompt wants.
      const matches = [...new Set(pairs.map((p) => p.match.trim()))];
      const choiceIds = ids(matches.length, 'm');
      const choiceOf = new Map(matches.map((text, i) => [text, choiceIds[i]]));
      return {
        ...base,
        content: {
          type: 'matching',
          prompts: pairs.map((p, i) => ({ id: promptIds[i], text: p.prompt.trim() })),
          choices: matches.map((text, i) => ({ id: choiceIds[i], text })),
        },
        key: {
          type: 'matching',
          pairs: Object.fromEntries(promptIds.map((id, i) => [id, choiceOf.get(pairs[i].match.trim())!])),
        },
      };
    }
    case 'ordering': {
      const itemIds = ids(q.items!.length);
      return {
        ...base,
        content: { type: 'ordering', items: q.items!.map((text, i) => ({ id: itemIds[i], text: text.trim() })) },
        key: { type: 'ordering', order: itemIds },
      };
    }
    case 'essay':
      return {
        ...base,
        content: { type: 'essay' },
        key: {
          type: 'essay',
          rubric: (q.rubric ?? []).map((r) => ({ criterion: r.criterion.trim(), points: r.points })),
        },
      };
  }
}

/** The authoring shape back from storage (for editing and export). */
export function toInput(
  s: StoredQuestion,
  extra: Pick<QuestionInput, 'competencyCode' | 'difficulty'> = {},
): QuestionInput {
  const base: QuestionInput = { type: s.type, stem: s.stem, points: s.points, feedback: s.feedback, ...extra };
  const { content, key } = s;
  if (
    (content.type === 'single' || content.type === 'multiple') &&
    (key.type === 'single' || key.type === 'multiple')
  ) {
    const correct = new Set(key.type === 'single' ? [key.correct] : key.correct);
    return {
      ...base,
      options: content.options.map((o) => ({
        text: o.text,
        correct: correct.has(o.id),
        ...(key.feedback[o.id] ? { feedback: key.feedback[o.id] } : {}),
      })),
      ...(key.type === 'multiple' ? { scoring: key.scoring } : {}),
    };
  }
  switch (key.type) {
    case 'true_false':
      return { ...base, correct: key.correct };
    case 'short':
      return { ...base, answers: key.answers, caseSensitive: key.caseSensitive };
    case 'numeric':
      return { ...base, answer: key.answer, tolerance: key.tolerance };
    case 'matching': {
      const prompts = content.type === 'matching' ? content.prompts : [];
      const choices = new Map((content.type === 'matching' ? content.choices : []).map((c) => [c.id, c.text]));
      return { ...base, pairs: prompts.map((p) => ({ prompt: p.text, match: choices.get(key.pairs[p.id]) ?? '' })) };
    }
    case 'ordering': {
      const items = new Map((content.type === 'ordering' ? content.items : []).map((i) => [i.id, i.text]));
      return { ...base, items: key.order.map((id) => items.get(id) ?? '') };
    }
    case 'essay':
      return { ...base, rubric: key.rubric };
    default:
      return base;
  }
}

function choiceId(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `z${i}`;
}
