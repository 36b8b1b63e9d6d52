import { QuestionContent, QuestionKey } from './questions';
import { matchesNormalised, normaliseText } from './short-answer';

/**
 * Scoring one response against a frozen question. Pure: the grading job, a regrade and
 * the tests all call these with a snapshot, so a later edit of the bank cannot change
 * an attempt's score unless a regrade is asked for.
 */
export type Response = string | string[] | boolean | Record<string, string>;

export interface Mark {
  /** 0..1 of the question's points; null while a person has to grade it (essays). */
  fraction: number | null;
  /** Option ids that got feedback, for the review page. */
  feedbackFor?: string[];
}

const MAX_TEXT = 20_000;

type Ids = Array<{ id: string }>;

/**
 * What an answer to a question may be: its content with the ids and none of the text, all
 * that responseProblem reads. A question's content is one too.
 */
export type AnswerShape =
  | { type: 'single' | 'multiple'; options: Ids }
  | { type: 'true_false' | 'short' | 'numeric' | 'essay' }
  | { type: 'matching'; prompts: Ids; choices: Ids }
  | { type: 'ordering'; items: Ids };

/** A question's content reduced to its answer shape (the ids only). */
export function answerShapeOf(content: QuestionContent): AnswerShape {
  const ids = (choices: Ids): Ids => choices.map(({ id }) => ({ id }));
  switch (content.type) {
    case 'single':
    case 'multiple':
      return { type: content.type, options: ids(content.options) };
    case 'matching':
      return { type: 'matching', prompts: ids(content.prompts), choices: ids(content.choices) };
    case 'ordering':
      return { type: 'ordering', items: ids(content.items) };
    default:
      return { type: content.type };
  }
}

/** Null when the response fits the question type, else why not (autosave refuses it with 422). */
export function responseProblem(content: AnswerShape, response: unknown): string | null {
  switch (content.type) {
    case 'single':
      return typeof response === 'string' && content.options.some((o) => o.id === response)
        ? null
        : 'must be one of the option ids';
    case 'multiple':
      return Array.isArray(response) &&
        response.every((r) => typeof r === 'string' && content.options.some((o) => o.id === r)) &&
        new Set(response).size === response.length
        ? null
        : 'must be a list of distinct option ids';
    case 'true_false':
      return typeof response === 'boolean' ? null : 'must be true or false';
    case 'short':
    case 'numeric':
      return typeof response === 'string' && response.length <= 500 ? null : 'must be text of at most 500 characters';
    case 'essay':
      return typeof response === 'string' && response.length <= MAX_TEXT
        ? null
        : `must be text of at most ${MAX_TEXT} characters`;
    case 'matching': {
      if (!response || typeof response !== 'object' || Array.isArray(response))
        return 'must map prompt ids to choice ids';
      const prompts = new Set(content.prompts.map((p) => p.id));
      const choices = new Set(content.choices.map((c) => c.id));
      return Object.entries(response).every(([p, c]) => prompts.has(p) && typeof c === 'string' && choices.has(c))
        ? null
        : 'must map prompt ids to choice ids';
    }
    case 'ordering': {
      const ids = content.items.map((i) => i.id);
      return Array.isArray(response) &&
        response.length === ids.length &&
        ids.every((id) => (response as unknown[]).includes(id))
        ? null
        : 'must list every item id once';
    }
  }
}

/** Scores a response; a missing response scores 0 (an essay left empty too: there is nothing to grade). */
export function grade(key: QuestionKey, response: Response | undefined): Mark {
  if (key.type === 'essay') {
    return typeof response === 'string' && response.trim() ? { fraction: null } : { fraction: 0 };
  }
  if (response === undefined || response === null) return { fraction: 0 };
  switch (key.type) {
    case 'single':
      return {
        fraction: response === key.correct ? 1 : 0,
        feedbackFor: typeof response === 'string' ? feedbackFor(key.feedback, [response]) : undefined,
      };
    case 'multiple': {
      const chosen = Array.isArray(response) ? response : [];
      const correct = new Set(key.correct);
      const right = chosen.filter((c) => correct.has(c)).length;
      const wrong = chosen.length - right;
      const feedback = feedbackFor(key.feedback, chosen);
      if (key.scoring === 'all_or_nothing') {
        return { fraction: right === correct.size && wrong === 0 ? 1 : 0, feedbackFor: feedback };
      }
      // Right minus wrong: each right choice earns 1/correct, each wrong one costs as much.
      return { fraction: clamp((right - wrong) / correct.size), feedbackFor: feedback };
    }
    case 'true_false':
      return { fraction: response === key.correct ? 1 : 0 };
    case 'short': {
      if (typeof response !== 'string') return { fraction: 0 };
      // Normalised once here, not once for each of up to 50 accepted answers.
      const given = normaliseText(response, key.caseSensitive);
      return { fraction: key.answers.some((a) => matchesNormalised(a, given, key.caseSensitive)) ? 1 : 0 };
    }
    case 'numeric': {
      const values = typeof response === 'string' ? numberReadings(response) : [];
      // A hair of slack so that 0.1 + 0.2 style float error never costs a learner the mark.
      const close = values.some((value) => Math.abs(value - key.answer) <= key.tolerance + 1e-9);
      return { fraction: close ? 1 : 0 };
    }
    case 'matching': {
      const given =
        typeof response === 'object' && !Array.isArray(response) ? (response as Record<string, string>) : {};
      const prompts = Object.keys(key.pairs);
      const right = prompts.filter((p) => given[p] === key.pairs[p]).length;
      return { fraction: right / prompts.length };
    }
    case 'ordering': {
      const given = Array.isArray(response) ? response : [];
      const right = key.order.filter((id, i) => given[i] === id).length;
      return { fraction: right / key.order.length };
    }
  }
}

/** A thousands group leads: an optional sign, then 1-9. */
const LEADS_A_GROUP = /^[-+]?[1-9]/;

/**
 * Reads a number as people type it here: `3,5` and `3.5` alike, thousands separators
 * (`1.250,5`, `1,250.5`) and spaces allowed. Null when it is not a number.
 */
export function parseNumber(raw: string): number | null {
  const typed = raw.trim().replace(/\s/g, '');
  let s = typed;
  if (!/^[-+]?[\d.,]+$/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let grouped = false;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    grouped = true;
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    // A lone comma is the Indonesian decimal mark; several are thousands separators.
    grouped = s.split(',').length > 2;
    s = grouped ? s.split(',').join('') : s.replace(',', '.');
  } else if (s.split('.').length > 2) {
    grouped = true;
    s = s.split('.').join('');
  }
  // Nobody groups thousands after a leading 0 (`0.250.000`, `0,250.5`): not a number.
  if (grouped && !LEADS_A_GROUP.test(typed)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

/**
 * Every way a typed number can be meant. `250.000` or `1,500` (one separator before exactly
 * three digits) is a decimal to some and a thousand-grouped whole number to others (the
 * Indonesian `Rp 250.000`): both readings are tried, and either may be right. A leading `0`
 * is never a thousands group: `0,250` is only 0.25.
 */
export function numberReadings(raw: string): number[] {
  const value = parseNumber(raw);
  if (value === null) return [];
  const s = raw.trim().replace(/\s/g, '');
  // A group starts with 1-9: `0,250` is a quarter, never 250 (nor `0.005` five).
  const grouped = /^[-+]?[1-9]\d{0,2}[.,]\d{3}$/.test(s) ? Number(s.replace(/[.,]/, '')) : null;
  return grouped === null || grouped === value ? [value] : [value, grouped];
}

function feedbackFor(feedback: Record<string, string>, chosen: string[]): string[] | undefined {
  const ids = chosen.filter((c) => feedback[c]);
  return ids.length ? ids : undefined;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, n));
}
