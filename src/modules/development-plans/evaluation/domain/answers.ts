import type { FieldProblem } from '../../../../../libs/common';
import { APPLIED_ANSWERS, AppliedAnswer } from '../entities/follow-up-survey.entity';

/** The three L1 items, each rated 1 (sangat kurang) to 5 (sangat baik). */
export const REACTION_ITEMS = ['material', 'delivery', 'usefulness'] as const;
export type ReactionItem = (typeof REACTION_ITEMS)[number];
export const SCALE = [1, 2, 3, 4, 5] as const;
/** Free text is short on purpose: a phone keyboard, and a page of comments an instructor reads. */
export const MAX_FREE_TEXT = 1000;

export interface ReactionAnswer {
  material: number;
  delivery: number;
  usefulness: number;
  comment: string | null;
}

export interface BehaviourAnswer {
  applied: AppliedAnswer;
  examples: string | null;
}

/**
 * Free text as stored: line breaks kept, other control characters (and bidi overrides that
 * could disguise it) dropped, at most two blank lines in a row, trimmed; empty is null. It
 * is stored as text and escaped wherever it is shown, never interpreted as HTML.
 */
export function cleanFreeText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length ? text : null;
}

function freeTextProblem(field: string, value: unknown): FieldProblem | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return { field, rule: 'isString', message: `${field} must be text` };
  if (value.length > MAX_FREE_TEXT)
    return { field, rule: 'maxLength', message: `${field} must be at most ${MAX_FREE_TEXT} characters` };
  return null;
}

/** A score the form or the API sent: an integer 1-5 ("4" from a form counts). */
export function parseScore(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/** The L1 answer, or the problems of each field (every item is required). */
export function readReaction(input: Record<string, unknown>): ReactionAnswer | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const scores = REACTION_ITEMS.map((item) => {
    const score = parseScore(input[item]);
    if (score === null) problems.push({ field: item, rule: 'isIn', message: `${item} must be a score from 1 to 5` });
    return score ?? 0;
  });
  const text = freeTextProblem('comment', input.comment);
  if (text) problems.push(text);
  if (problems.length) return problems;
  return { material: scores[0], delivery: scores[1], usefulness: scores[2], comment: cleanFreeText(input.comment) };
}

/** The L3 answer: applied yes / partly / not yet; examples are asked for when it is applied. */
export function readBehaviour(input: Record<string, unknown>): BehaviourAnswer | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const applied = APPLIED_ANSWERS.find((a) => a === input.applied);
  if (!applied)
    problems.push({ field: 'applied', rule: 'isIn', message: `applied must be one of ${APPLIED_ANSWERS.join(', ')}` });
  const text = freeTextProblem('examples', input.examples);
  if (text) problems.push(text);
  const examples = cleanFreeText(input.examples);
  if (!text && applied && applied !== 'not_yet' && !examples)
    problems.push({ field: 'examples', rule: 'isNotEmpty', message: 'examples are needed when it is applied' });
  if (problems.length || !applied) return problems;
  return { applied, examples };
}
