import { buildSnapshot } from '../domain/snapshot';
import { grade } from '../domain/grading';
import { QuestionInput, toStored } from '../domain/questions';
import { withFixedKeys } from './regrades.service';

/** A small deterministic random source. */
const lcg = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const bankOf = (input: QuestionInput) => {
  const stored = toStored(input);
  return { id: 'q1', competencyCode: null, difficulty: 'medium' as const, ...stored };
};

const frozen = (input: QuestionInput, seed: number) =>
  buildSnapshot([{ kind: 'fixed', questionId: 'q1' }], [bankOf(input)], {
    shuffleQuestions: false,
    shuffleOptions: true,
    random: lcg(seed),
  });

const fixedFrom = (input: QuestionInput) => {
  const stored = toStored(input);
  return new Map([['q1', { content: stored.content, key: stored.key, points: stored.points }]]);
};

describe('a regrade of matching and ordering keys', () => {
  it('carries a corrected order over by text, in the attempt’s own ids', () => {
    const wrong: QuestionInput = { type: 'ordering', stem: 'Urutkan', items: ['Rencana', 'Laksana', 'Nilai'] };
    const right: QuestionInput = { ...wrong, items: ['Laksana', 'Rencana', 'Nilai'] };
    for (const seed of [1, 2, 3, 4, 5]) {
      const [q] = frozen(wrong, seed);
      const idOf = (text: string) =>
        (q.content as { items: Array<{ id: string; text: string }> }).items.find((i) => i.text === text)!.id;
      const answer = ['Laksana', 'Rencana', 'Nilai'].map(idOf);
      expect(grade(q.key, answer).fraction).toBeLessThan(1);
      const [fixed] = withFixedKeys([q], fixedFrom(right));
      expect(grade(fixed.key, answer).fraction).toBe(1);
      expect(fixed.content).toEqual(q.content);
    }
  });

  it('carries corrected pairs over by text', () => {
    const wrong: QuestionInput = {
      type: 'matching',
      stem: 'Pasangkan',
      pairs: [
        { prompt: 'Jawa Barat', match: 'Semarang' },
        { prompt: 'Jawa Tengah', match: 'Bandung' },
      ],
    };
    const right: QuestionInput = {
      ...wrong,
      pairs: [
        { prompt: 'Jawa Barat', match: 'Bandung' },
        { prompt: 'Jawa Tengah', match: 'Semarang' },
      ],
    };
    const [q] = frozen(wrong, 7);
    const content = q.content as {
      prompts: Array<{ id: string; text: string }>;
      choices: Array<{ id: string; text: string }>;
    };
    const p = (text: string) => content.prompts.find((x) => x.text === text)!.id;
    const c = (text: string) => content.choices.find((x) => x.text === text)!.id;
    const answer = { [p('Jawa Barat')]: c('Bandung'), [p('Jawa Tengah')]: c('Semarang') };
    expect(grade(q.key, answer).fraction).toBe(0);
    const [fixed] = withFixedKeys([q], fixedFrom(right));
    expect(grade(fixed.key, answer).fraction).toBe(1);
  });

  it('carries a corrected single-choice key into the attempt’s own option ids', () => {
    const wrong: QuestionInput = {
      type: 'single',
      stem: 'Ibu kota Sumatera Utara?',
      options: [{ text: 'Belawan', correct: true }, { text: 'Medan', feedback: 'Benar.' }, { text: 'Binjai' }],
    };
    const right: QuestionInput = {
      ...wrong,
      options: [{ text: 'Belawan' }, { text: 'Medan', correct: true, feedback: 'Benar.' }, { text: 'Binjai' }],
    };
    for (const seed of [1, 2, 3]) {
      const [q] = frozen(wrong, seed);
      const medan = (q.content as { options: Array<{ id: string; text: string }> }).options.find(
        (o) => o.text === 'Medan',
      )!.id;
      expect(medan).not.toBe('b');
      expect(grade(q.key, medan).fraction).toBe(0);
      const [fixed] = withFixedKeys([q], fixedFrom(right));
      expect(grade(fixed.key, medan)).toEqual({ fraction: 1, feedbackFor: [medan] });
      expect(fixed.content).toEqual(q.content);
    }
  });

  it('leaves the attempt as graded when the texts themselves changed', () => {
    const before: QuestionInput = { type: 'ordering', stem: 'Urutkan', items: ['A', 'B', 'C'] };
    const [q] = frozen(before, 3);
    const [kept] = withFixedKeys([q], fixedFrom({ ...before, items: ['A', 'B', 'D'] }));
    expect(kept).toBe(q);
  });
});
