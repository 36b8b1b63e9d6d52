import { decodeShapes, encodeShapes } from './answer-shapes';
import { answerShapeOf } from './grading';
import { QuestionContent, QuestionInput, toStored } from './questions';

const contentOf = (q: Omit<QuestionInput, 'stem'>): QuestionContent =>
  toStored({ stem: 'Soal', ...q } as QuestionInput).content;

describe('answer shapes as an attempt stores them', () => {
  const contents: QuestionContent[] = [
    contentOf({ type: 'single', options: [{ text: 'A', correct: true }, { text: 'B' }, { text: 'C' }] }),
    contentOf({ type: 'multiple', options: [{ text: 'A', correct: true }, { text: 'B' }] }),
    contentOf({
      type: 'matching',
      pairs: [
        { prompt: 'P1', match: 'M1' },
        { prompt: 'P2', match: 'M2' },
      ],
    }),
    contentOf({ type: 'ordering', items: ['1', '2', '3'] }),
    contentOf({ type: 'true_false', correct: true }),
    contentOf({ type: 'short', answers: ['x'] }),
    contentOf({ type: 'numeric', answer: 1 }),
    contentOf({ type: 'essay' }),
  ];
  const shapes = contents.map((content, i) => ({ slot: i + 1, shape: answerShapeOf(content) }));

  it('reads back every type as it was written, keyed by slot', () => {
    const decoded = decodeShapes(encodeShapes(shapes));
    expect([...decoded.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const { slot, shape } of shapes) expect(decoded.get(String(slot))).toEqual(shape);
  });

  it('stores ids as plain strings, no objects and no text', () => {
    const stored = encodeShapes(shapes);
    expect(stored).not.toContain('{');
    for (const text of ['"A"', '"B"', 'P1', 'M1']) expect(stored).not.toContain(text);
    expect(JSON.parse(stored)[2]).toEqual([3, 'matching', ['pa', 'pb'], ['ma', 'mb']]);
  });

  it('refuses a shape it does not know rather than accepting any answer', () => {
    expect(() => decodeShapes('[[1,"essay"],[2,"drawing","a"]]')).toThrow('Unknown answer shape "drawing"');
  });
});
