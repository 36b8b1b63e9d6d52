import { grade } from './grading';
import { Choice, Difficulty, QuestionContent, QuestionInput, toStored } from './questions';
import {
  applyLabels,
  BankQuestion,
  buildSnapshot,
  NotEnoughQuestions,
  WithdrawnQuestion,
  presentOrdering,
  shuffle,
  SlotRule,
  slotChecks,
} from './snapshot';
import { FrozenQuestion } from './attempt-score';

/** A tiny deterministic random in [0, 1): a 32-bit linear congruential generator. */
function lcg(seed: number): () => number {
  // Spread neighbouring seeds apart, or seeds 1, 2, 3… would start almost alike.
  let state = Math.imul(seed, 0x9e3779b9) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Choices = { options: Choice[] };

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

function bankQuestion(
  id: string,
  input: Omit<QuestionInput, 'stem'> = { type: 'true_false', correct: true },
  competencyCode: string | null = null,
  difficulty: Difficulty = 'medium',
): BankQuestion {
  return { id, competencyCode, difficulty, ...toStored({ stem: `Soal ${id}`, ...input } as QuestionInput) };
}

const tf = { type: 'true_false', correct: true } as const;

// k1: e1 e2 (easy), m1 m2 m3 (medium), h1 (hard); k2: x1 x2 (medium); none: f1 f2 (medium).
const bank: BankQuestion[] = [
  bankQuestion('f1'),
  bankQuestion('f2'),
  bankQuestion('e1', tf, 'K1', 'easy'),
  bankQuestion('e2', tf, 'K1', 'easy'),
  bankQuestion('m1', tf, 'K1', 'medium'),
  bankQuestion('m2', tf, 'K1', 'medium'),
  bankQuestion('m3', tf, 'K1', 'medium'),
  bankQuestion('h1', tf, 'K1', 'hard'),
  bankQuestion('x1', tf, 'K2', 'medium'),
  bankQuestion('x2', tf, 'K2', 'medium'),
];

const fixed = (questionId: string): SlotRule => ({ kind: 'fixed', questionId });
const draw = (count: number, competencyCode: string | null = null, difficulty: Difficulty | null = null): SlotRule => ({
  kind: 'draw',
  count,
  competencyCode,
  difficulty,
});
const plain = (seed = 1) => ({ shuffleQuestions: false, shuffleOptions: false, random: lcg(seed) });
const ids = (rules: SlotRule[], options = plain()) => buildSnapshot(rules, bank, options).map((q) => q.questionId);

describe('shuffle', () => {
  it.each([[[]], [['a']], [['a', 'b']], [['a', 'b', 'c', 'd', 'e', 'f', 'g']]])(
    'returns a permutation of %j without touching it',
    (items) => {
      for (const seed of SEEDS.slice(0, 50)) {
        const copy = [...items];
        const out = shuffle(items, lcg(seed));
        expect(items).toEqual(copy);
        expect([...out].sort()).toEqual([...items].sort());
      }
    },
  );

  it('reaches every order of three items', () => {
    const orders = new Set(SEEDS.map((seed) => shuffle(['a', 'b', 'c'], lcg(seed)).join('')));
    expect([...orders].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
  });

  it('is reproducible with the same random', () => {
    expect(shuffle([1, 2, 3, 4, 5], lcg(7))).toEqual(shuffle([1, 2, 3, 4, 5], lcg(7)));
  });
});

describe('buildSnapshot', () => {
  it('puts fixed questions first, in rule order, then the draws', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const got = ids([draw(2, 'K2'), fixed('f2'), draw(1, 'K1', 'hard'), fixed('f1')], plain(seed));
      expect(got.slice(0, 2)).toEqual(['f2', 'f1']);
      expect([...got.slice(2, 4)].sort()).toEqual(['x1', 'x2']);
      expect(got[4]).toBe('h1');
      expect(got).toHaveLength(5);
    }
  });

  it('numbers slots from 0 in the order shown', () => {
    const snapshot = buildSnapshot([fixed('f1'), fixed('e1'), draw(2)], bank, plain());
    expect(snapshot.map((q) => q.slot)).toEqual([0, 1, 2, 3]);
  });

  it('copies everything grading needs from the bank', () => {
    const source = bankQuestion('s1', {
      type: 'numeric',
      answer: 3.5,
      tolerance: 0.1,
      points: 2.5,
      feedback: 'Bagi dua',
    });
    const [q] = buildSnapshot([fixed('s1')], [source], plain());
    expect(q).toEqual({
      slot: 0,
      questionId: 's1',
      type: 'numeric',
      stem: 'Soal s1',
      points: 2.5,
      feedback: 'Bagi dua',
      content: { type: 'numeric' },
      key: { type: 'numeric', answer: 3.5, tolerance: 0.1 },
    });
  });

  it('takes a fixed question only once', () => {
    expect(ids([fixed('f1'), fixed('f1'), fixed('f2')])).toEqual(['f1', 'f2']);
  });

  it.each<[string, SlotRule[]]>([
    ['with fixed slots only', [fixed('f1'), fixed('gone'), fixed('f2')]],
    ['with a draw beside it', [fixed('f1'), fixed('gone'), draw(2, 'K1')]],
  ])('refuses an attempt whose fixed question is no longer in the bank, %s', (_, rules) => {
    let error: unknown;
    try {
      buildSnapshot(rules, bank, plain());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WithdrawnQuestion);
    expect(error).toMatchObject({ slotIndex: 1, questionId: 'gone' });
  });

  it('never draws a question that is already in the attempt', () => {
    for (const seed of SEEDS) {
      const got = ids([draw(3, 'K1'), fixed('m1'), draw(2, 'K2'), draw(4)], plain(seed));
      expect(new Set(got).size).toBe(got.length);
      expect(got).toHaveLength(10);
      expect(got[0]).toBe('m1');
    }
  });

  it('can draw the whole bank', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      expect([...ids([draw(bank.length)], plain(seed))].sort()).toEqual(bank.map((q) => q.id).sort());
    }
  });

  it.each<[string, SlotRule, string[]]>([
    ['a competency', draw(2, 'K2'), ['x1', 'x2']],
    ['a difficulty', draw(2, null, 'easy'), ['e1', 'e2']],
    ['a competency and a difficulty', draw(2, 'K1', 'medium'), ['m1', 'm2', 'm3']],
    ['a competency and another difficulty', draw(1, 'K1', 'hard'), ['h1']],
    ['a difficulty across competencies', draw(4, null, 'medium'), ['f1', 'f2', 'm1', 'm2', 'm3', 'x1', 'x2']],
  ])('draws only questions matching %s', (_, rule, allowed) => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const got = ids([rule], plain(seed));
      expect(got).toHaveLength((rule as { count: number }).count);
      for (const id of got) {
        expect(allowed).toContain(id);
        seen.add(id);
      }
    }
    // Over many seeds every matching question turns up: the draw is random, not the first few.
    expect([...seen].sort()).toEqual(allowed);
  });

  it('draws differently with different randoms', () => {
    const draws = new Set(SEEDS.map((seed) => ids([draw(2, 'K1')], plain(seed)).join()));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('is reproducible with the same random', () => {
    const options = () => ({ shuffleQuestions: true, shuffleOptions: true, random: lcg(42) });
    expect(buildSnapshot([draw(6)], bank, options())).toEqual(buildSnapshot([draw(6)], bank, options()));
  });

  it.each<[string, SlotRule[], number, number, number]>([
    ['a filter matching too few', [draw(3, 'K2')], 0, 3, 2],
    ['a filter matching nothing', [fixed('f1'), draw(1, 'K9')], 1, 1, 0],
    ['questions already taken by fixed rules', [draw(2, 'K2'), fixed('x1')], 0, 2, 1],
    ['questions already taken by an earlier draw', [draw(2, 'K1', 'easy'), draw(1, null, 'easy')], 1, 1, 0],
    ['more than the bank holds', [draw(11)], 0, 11, 10],
  ])('refuses %s', (_, rules, slotIndex, wanted, available) => {
    let error: unknown;
    try {
      buildSnapshot(rules, bank, plain());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotEnoughQuestions);
    expect(error).toMatchObject({ slotIndex, wanted, available });
    expect((error as Error).message).toBe(`slot ${slotIndex + 1} wants ${wanted} questions, the bank has ${available}`);
  });

  it('accepts a draw of nothing', () => {
    expect(ids([fixed('f1'), draw(0, 'K9')])).toEqual(['f1']);
  });

  describe('question order', () => {
    const rules = [fixed('f1'), fixed('f2'), fixed('e1'), fixed('e2'), fixed('m1'), fixed('m2')];

    it('keeps the rule order when not shuffling', () => {
      for (const seed of SEEDS.slice(0, 20)) {
        expect(ids(rules, plain(seed))).toEqual(['f1', 'f2', 'e1', 'e2', 'm1', 'm2']);
      }
    });

    it('shuffles the questions when asked, keeping the same questions', () => {
      const orders = new Set<string>();
      for (const seed of SEEDS) {
        const snapshot = buildSnapshot(rules, bank, { ...plain(seed), shuffleQuestions: true });
        const got = snapshot.map((q) => q.questionId);
        expect([...got].sort()).toEqual(['e1', 'e2', 'f1', 'f2', 'm1', 'm2']);
        expect(snapshot.map((q) => q.slot)).toEqual([0, 1, 2, 3, 4, 5]);
        orders.add(got.join());
      }
      expect(orders.size).toBeGreaterThan(10);
    });
  });

  describe('options', () => {
    const choice = bankQuestion('c1', {
      type: 'multiple',
      scoring: 'all_or_nothing',
      options: [
        { text: 'Satu', correct: true },
        { text: 'Dua' },
        { text: 'Tiga', correct: true },
        { text: 'Empat' },
        { text: 'Lima' },
      ],
    });
    const single = bankQuestion('s1', {
      type: 'single',
      options: [{ text: 'Jakarta', correct: true }, { text: 'Bandung' }, { text: 'Medan' }],
    });
    const matching = bankQuestion('mt', {
      type: 'matching',
      pairs: [
        { prompt: 'Jawa Barat', match: 'Bandung' },
        { prompt: 'Jawa Tengah', match: 'Semarang' },
        { prompt: 'Jawa Timur', match: 'Surabaya' },
        { prompt: 'Bali', match: 'Denpasar' },
      ],
    });
    const trueFalse = bankQuestion('tf', tf);
    const optionBank = [choice, single, matching, trueFalse];
    const snap = (seed: number, shuffleOptions: boolean) =>
      buildSnapshot([fixed('c1'), fixed('s1'), fixed('mt'), fixed('tf')], optionBank, {
        shuffleQuestions: false,
        shuffleOptions,
        random: lcg(seed),
      });

    it('keeps options as stored when not shuffling (matching choices aside)', () => {
      const kept = (qs: Array<{ content: { type: string } }>) => qs.filter((q) => q.content.type !== 'matching');
      for (const seed of SEEDS.slice(0, 20)) {
        expect(kept(snap(seed, false).map((q) => unlabel(q))).map((q) => q.content)).toEqual(
          kept(optionBank).map((q) => q.content),
        );
      }
    });

    it('shuffles matching choices even when options are not shuffled: in pair order they give the answer', () => {
      const orders = new Set<string>();
      for (const seed of SEEDS) {
        const matching = snap(seed, false)
          .map((q) => unlabel(q))
          .find((q) => q.content.type === 'matching')!;
        orders.add((matching.content as { choices: Array<{ text: string }> }).choices.map((c) => c.text).join('|'));
      }
      expect(orders.size).toBeGreaterThan(3);
    });

    it('shuffles options, keeping each id with its own text', () => {
      const orders = new Set<string>();
      for (const seed of SEEDS) {
        const [c] = snap(seed, true).map((q) => unlabel(q));
        const options = (c.content as Choices).options;
        expect([...options].sort((a, b) => a.id.localeCompare(b.id))).toEqual((choice.content as Choices).options);
        orders.add(options.map((o) => o.id).join(''));
      }
      expect(orders.size).toBeGreaterThan(10);
    });

    it('grades the same option ids right after shuffling', () => {
      for (const seed of SEEDS) {
        const [c, s] = snap(seed, true).map((q) => unlabel(q));
        expect(c.key).toEqual(choice.key);
        expect(grade(c.key, ['a', 'c']).fraction).toBe(1);
        expect(grade(c.key, ['a', 'b']).fraction).toBe(0);
        // Picking whatever is shown first is not automatically right.
        const shownFirst = (s.content as Choices).options[0];
        expect(grade(s.key, shownFirst.id).fraction).toBe(shownFirst.text === 'Jakarta' ? 1 : 0);
        expect(grade(s.key, 'a').fraction).toBe(1);
      }
    });

    it('shuffles only the choices of a matching question, prompts keep their order', () => {
      const orders = new Set<string>();
      const stored = matching.content as Extract<QuestionContent, { type: 'matching' }>;
      for (const seed of SEEDS) {
        const m = unlabel(snap(seed, true)[2]);
        const content = m.content as Extract<QuestionContent, { type: 'matching' }>;
        expect(content.prompts).toEqual(stored.prompts);
        expect([...content.choices].sort((a, b) => a.id.localeCompare(b.id))).toEqual(stored.choices);
        expect(grade(m.key, { pa: 'ma', pb: 'mb', pc: 'mc', pd: 'md' }).fraction).toBe(1);
        orders.add(content.choices.map((c) => c.id).join());
      }
      expect(orders.size).toBeGreaterThan(10);
    });

    it('leaves true/false alone', () => {
      for (const seed of SEEDS.slice(0, 20)) expect(snap(seed, true)[3].content).toEqual({ type: 'true_false' });
    });
  });

  describe('fresh ids per attempt', () => {
    it('matching choices and ordering items never show the bank ids that follow the answer', () => {
      const m = bankQuestion('mt2', {
        type: 'matching',
        pairs: [
          { prompt: 'Jawa Barat', match: 'Bandung' },
          { prompt: 'Sumatera Utara', match: 'Medan' },
          { prompt: 'Gorontalo', match: 'Kota Gorontalo' },
        ],
      });
      const o = bankQuestion('or2', { type: 'ordering', items: ['Rencana', 'Laksana', 'Evaluasi'] });
      const seen = new Set<string>();
      for (const seed of SEEDS.slice(0, 30)) {
        const [fm, fo] = buildSnapshot([fixed('mt2'), fixed('or2')], [m, o], plain(seed));
        const choices = (fm.content as Extract<QuestionContent, { type: 'matching' }>).choices.map((c) => c.id);
        const items = itemIdsOf(fo.content);
        expect(choices.some((id) => ['ma', 'mb', 'mc'].includes(id))).toBe(false);
        expect(items.some((id) => ['a', 'b', 'c'].includes(id))).toBe(false);
        expect(new Set(choices).size).toBe(3);
        seen.add(choices.join());
        // Still graded by the same answer, in the attempt's own ids.
        expect(grade(fm.key, (fm.key as { pairs: Record<string, string> }).pairs).fraction).toBe(1);
        expect(grade(unlabel(fm).key, { pa: 'ma', pb: 'mb', pc: 'mc' }).fraction).toBe(1);
      }
      expect(seen.size).toBeGreaterThan(20);
    });

    it('single and multiple options never show the bank ids, which a GIFT-written bank makes "a" right', () => {
      const single = bankQuestion('s2', {
        type: 'single',
        options: [
          { text: 'Jakarta', correct: true, feedback: 'Benar, ibu kota.' },
          { text: 'Bandung', feedback: 'Ibu kota Jawa Barat.' },
          { text: 'Medan' },
        ],
      });
      const multiple = bankQuestion('m2', {
        type: 'multiple',
        options: [{ text: 'Jujur', correct: true }, { text: 'Curang' }, { text: 'Disiplin', correct: true }],
      });
      const firstShown = new Set<string>();
      for (const seed of SEEDS.slice(0, 30)) {
        const [fs, fm] = buildSnapshot([fixed('s2'), fixed('m2')], [single, multiple], plain(seed));
        const shown = [fs, fm].flatMap((q) => (q.content as Choices).options.map((o) => o.id));
        expect(shown.some((id) => ['a', 'b', 'c'].includes(id))).toBe(false);
        // With shuffling off the order stays the bank's; only the ids are the attempt's own.
        expect((fs.content as Choices).options.map((o) => o.text)).toEqual(['Jakarta', 'Bandung', 'Medan']);
        firstShown.add((fs.content as Choices).options[0].id);
        const idOf = (q: FrozenQuestion, text: string) =>
          (q.content as Choices).options.find((o) => o.text === text)!.id;
        const jakarta = idOf(fs, 'Jakarta');
        const bandung = idOf(fs, 'Bandung');
        expect(grade(fs.key, jakarta)).toEqual({ fraction: 1, feedbackFor: [jakarta] });
        expect(grade(fs.key, bandung)).toEqual({ fraction: 0, feedbackFor: [bandung] });
        expect((fs.key as { feedback: Record<string, string> }).feedback).toEqual({
          [jakarta]: 'Benar, ibu kota.',
          [bandung]: 'Ibu kota Jawa Barat.',
        });
        expect(grade(fm.key, [idOf(fm, 'Jujur'), idOf(fm, 'Disiplin')]).fraction).toBe(1);
        expect(grade(fm.key, [idOf(fm, 'Jujur'), idOf(fm, 'Curang')]).fraction).toBe(0);
        expect(unlabel(fs)).toMatchObject({ content: single.content, key: single.key });
      }
      expect(firstShown.size).toBeGreaterThan(20);
    });

    it('gives distinct ids even with a random source stuck on one value', () => {
      const o = bankQuestion('or3', { type: 'ordering', items: ['A1', 'B2', 'C3', 'D4'] });
      const [f] = buildSnapshot([fixed('or3')], [o], {
        shuffleQuestions: false,
        shuffleOptions: false,
        random: () => 0,
      });
      expect(new Set(itemIdsOf(f.content)).size).toBe(4);
    });
  });

  describe('ordering questions', () => {
    const ordering = (n: number) =>
      bankQuestion(`o${n}`, { type: 'ordering', items: Array.from({ length: n }, (_, i) => `Langkah ${i + 1}`) });
    const itemIds = (content: QuestionContent) =>
      (content as Extract<QuestionContent, { type: 'ordering' }>).items.map((i) => i.id);

    it.each([[2], [3], [4], [5], [8]])('never shows %p items in their correct order', (n) => {
      const q = ordering(n);
      const correct = (q.key as { order: string[] }).order;
      for (const seed of SEEDS) {
        for (const shuffleOptions of [false, true]) {
          const frozen = unlabel(
            buildSnapshot([fixed(q.id)], [q], {
              shuffleQuestions: false,
              shuffleOptions,
              random: lcg(seed),
            })[0],
          );
          const shown = itemIds(frozen.content);
          expect(shown).not.toEqual(correct);
          expect([...shown].sort()).toEqual([...correct].sort());
          // The key is untouched: the correct order still scores full marks.
          expect(grade(frozen.key, correct).fraction).toBe(1);
        }
      }
    });

    it('shows 2 items reversed', () => {
      for (const seed of SEEDS.slice(0, 50)) {
        expect(itemIds(unlabel(buildSnapshot([fixed('o2')], [ordering(2)], plain(seed))[0]).content)).toEqual([
          'b',
          'a',
        ]);
      }
    });

    it.each<[string, () => number]>([
      ['always 0', () => 0],
      ['always just below 1', () => 0.999999],
      ['always 0.5', () => 0.5],
    ])('never shows the correct order even with a random that is %s', (_, random) => {
      for (const n of [2, 3, 4, 6]) {
        const q = ordering(n);
        const shown = itemIds(presentOrdering(q.content, random));
        expect(shown).not.toEqual((q.key as { order: string[] }).order);
        expect([...shown].sort()).toEqual((q.key as { order: string[] }).order);
      }
    });

    it('leaves other content alone', () => {
      const content = bankQuestion('s', {
        type: 'single',
        options: [{ text: 'A', correct: true }, { text: 'B' }],
      }).content;
      expect(presentOrdering(content, lcg(1))).toBe(content);
    });
  });
});

function unlabel(q: FrozenQuestion): FrozenQuestion {
  if (!q.labels) return q;
  const back = Object.fromEntries(Object.entries(q.labels).map(([bank, shown]) => [shown, bank]));
  return { ...q, ...applyLabels(q.content, q.key, back), labels: undefined };
}

function itemIdsOf(content: QuestionContent): string[] {
  return (content as Extract<QuestionContent, { type: 'ordering' }>).items.map((i) => i.id);
}

describe('slotChecks', () => {
  const q = (id: string, competencyCode: string | null = null, difficulty: Difficulty = 'medium') => ({
    id,
    competencyCode,
    difficulty,
  });
  const draw = (count: number, competencyCode: string | null = null): SlotRule => ({
    kind: 'draw',
    count,
    competencyCode,
    difficulty: null,
  });

  it('says per slot how many questions it needs and how many it can count on at every start', () => {
    const rules: SlotRule[] = [
      { kind: 'fixed', questionId: 'a' },
      { kind: 'fixed', questionId: 'gone' },
      draw(2, 'K1'),
      draw(2),
    ];
    const live = [q('a', 'K1'), q('b', 'K1'), q('c', 'K1'), q('d'), q('e')];
    expect(slotChecks(rules, live)).toEqual([
      { index: 0, rule: rules[0], count: 1, left: 1 },
      { index: 1, rule: rules[1], count: 1, left: 0 },
      // Fixed questions are never drawn: b and c are left for K1.
      { index: 2, rule: rules[2], count: 2, left: 2 },
      // b, c, d, e match, but the earlier draw may take b and c.
      { index: 3, rule: rules[3], count: 2, left: 2 },
    ]);
    expect(
      slotChecks(
        rules,
        live.filter((x) => x.id !== 'e'),
      )[3].left,
    ).toBe(1);
  });
});
