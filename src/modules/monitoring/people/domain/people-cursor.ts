import type { FieldProblem } from '../../../../../libs/common';
import type { PeopleAsk } from './people-ask';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Any list's cursor: a row id, or for JP lists '<jp tenths>:<user id>' (their order: JP, then id, both descending). */
export const PEOPLE_CURSOR = new RegExp(`^(?:-?\\d{1,9}:)?${ID}$`, 'i');
const JP_CURSOR = new RegExp(`^-?\\d{1,9}:${ID}$`, 'i');
const ID_CURSOR = new RegExp(`^${ID}$`, 'i');

/**
 * Whether a cursor fits the list it is used on (a JP list's cursor carries the JP it stopped
 * at): a problem naming the parameter (`after`, `before`) when it does not, so a hand-edited link is a 400, not a
 * page that starts somewhere arbitrary.
 */
export function cursorProblem(ask: PeopleAsk, field: 'after' | 'before', cursor: string): FieldProblem | null {
  const fits = ask.family === 'jp' ? JP_CURSOR.test(cursor) : ID_CURSOR.test(cursor);
  return fits ? null : { field, rule: 'cursor', message: `${field} must be a cursor of this list` };
}
