import { AnswerShape } from './grading';

/** The answer shape of one slot of an attempt. */
export interface SlotShape {
  slot: number;
  shape: AnswerShape;
}

/**
 * One slot's shape as stored in quiz_attempt.shapes_json: `[slot, type, ...ids]` (the
 * option or item ids), `[slot, 'matching', promptIds, choiceIds]` for matching. Arrays of
 * strings, not objects: every autosave and submit parses them, and JSON.parse builds an
 * array of strings about three times faster than the same ids as `{ "id": … }` objects
 * (10 against 20-27 µs for a 20-question exam).
 */
type StoredShape = [number, string, ...Array<string | string[]>];

const ids = (list: Array<{ id: string }>): string[] => list.map((x) => x.id);
const idObjects = (list: unknown): Array<{ id: string }> => (list as string[]).map((id) => ({ id }));

export function encodeShapes(shapes: SlotShape[]): string {
  return JSON.stringify(
    shapes.map(({ slot, shape }): StoredShape => {
      switch (shape.type) {
        case 'single':
        case 'multiple':
          return [slot, shape.type, ...ids(shape.options)];
        case 'ordering':
          return [slot, shape.type, ...ids(shape.items)];
        case 'matching':
          return [slot, shape.type, ids(shape.prompts), ids(shape.choices)];
        default:
          return [slot, shape.type];
      }
    }),
  );
}

/** Slot (as the key of a response, a string) → its answer shape. */
export function decodeShapes(json: string): Map<string, AnswerShape> {
  const shapes = new Map<string, AnswerShape>();
  for (const [slot, type, ...rest] of JSON.parse(json) as StoredShape[]) shapes.set(String(slot), shapeOf(type, rest));
  return shapes;
}

function shapeOf(type: string, rest: Array<string | string[]>): AnswerShape {
  switch (type) {
    case 'single':
    case 'multiple':
      return { type, options: idObjects(rest) };
    case 'ordering':
      return { type, items: idObjects(rest) };
    case 'matching':
      return { type, prompts: idObjects(rest[0]), choices: idObjects(rest[1]) };
    case 'true_false':
    case 'short':
    case 'numeric':
    case 'essay':
      return { type };
    default:
      throw new Error(`Unknown answer shape "${type}" in an attempt`);
  }
}
