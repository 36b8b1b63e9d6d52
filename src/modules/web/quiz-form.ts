import type { LearnerQuestion } from '../assessment/attempts/attempt.view';

/** Per ordering slot left half done: the position given to each placed item. */
export type PartialOrders = Record<number, Record<string, number>>;

const TEXT_MAX = { short: 500, numeric: 500, essay: 20_000 } as const;

/**
 * The answers of the quiz form as the API takes them. The form always holds every
 * question, so a question left empty is sent as null (cleared): unticking the last box of
 * a multiple-response question must count. Field names: `r<slot>`, and `r<slot>.<id>`
 * for matching prompts and ordering items (the item's position, 1..n).
 */
/**
 * The form's answers, and the slots of ordering questions only partly placed (an item
 * without a position, or two items at one): those are sent as not answered yet, so that
 * one half-done question never holds back the saving of all the others. Their positions
 * as given (`placed`, item id to position) go back onto the page that asks to finish them.
 */
export function readQuizForm(
  body: unknown,
  questions: LearnerQuestion[],
): { responses: Record<string, unknown>; unfinished: number[]; placed: PartialOrders } {
  const unfinished: number[] = [];
  const partial: PartialOrders = {};
  const form = (body ?? {}) as Record<string, unknown>;
  const one = (name: string): string | null => {
    const v = form[name];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s : null;
  };
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const name = `r${q.slot}`;
    switch (q.type) {
      case 'single':
        out[q.slot] = one(name);
        break;
      case 'multiple': {
        const v = form[name];
        const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
          (x): x is string => typeof x === 'string',
        );
        out[q.slot] = list.length ? [...new Set(list)] : null;
        break;
      }
      case 'true_false': {
        const v = one(name);
        out[q.slot] = v === 'true' ? true : v === 'false' ? false : null;
        break;
      }
      case 'short':
      case 'numeric':
      case 'essay': {
        const v = one(name);
        out[q.slot] = v === null ? null : v.slice(0, TEXT_MAX[q.type]);
        break;
      }
      case 'matching': {
        const pairs: Record<string, string> = {};
        for (const p of q.prompts ?? []) {
          const v = one(`${name}.${p.id}`);
          if (v) pairs[p.id] = v;
        }
        out[q.slot] = Object.keys(pairs).length ? pairs : null;
        break;
      }
      case 'ordering': {
        const items = q.items ?? [];
        const placed = items
          .map((item) => ({ id: item.id, at: Number(one(`${name}.${item.id}`)) }))
          .filter((x) => Number.isInteger(x.at) && x.at >= 1);
        const complete = placed.length === items.length && new Set(placed.map((x) => x.at)).size === items.length;
        if (placed.length && !complete) {
          unfinished.push(q.slot);
          partial[q.slot] = Object.fromEntries(placed.map((x) => [x.id, x.at]));
        }
        out[q.slot] = placed.length && complete ? placed.sort((a, b) => a.at - b.at).map((x) => x.id) : null;
        break;
      }
    }
  }
  return { responses: out, unfinished, placed: partial };
}
