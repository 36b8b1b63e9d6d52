import { AttemptObservation, ItemObservation, itemStatistics, ItemStatistics } from './item-statistics';

const obs = (questionId: string, fraction: number | null, extra: Partial<ItemObservation> = {}): ItemObservation => ({
  questionId,
  fraction,
  weight: 0.1,
  chosen: [],
  ...extra,
});

/** One attempt per fraction, holding only question `q`; totals given or falling 1.0, 0.9, … */
const single = (fractions: Array<number | null>, totals?: number[]): AttemptObservation[] =>
  fractions.map((fraction, i) => ({ total: totals ? totals[i] : 1 - i / 10, items: [obs('q', fraction)] }));

const statsOf = (attempts: AttemptObservation[], questionId = 'q'): ItemStatistics =>
  itemStatistics(attempts).find((s) => s.questionId === questionId)!;

/** Textbook sum formula, independent of the implementation's centred two-pass one. */
function referencePearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
    sxy += xs[i] * ys[i];
    sxx += xs[i] * xs[i];
    syy += ys[i] * ys[i];
  }
  return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
}

/** Deterministic pseudo-random numbers in [0, 1) (LCG), so the data is the same every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('item statistics', () => {
  it('returns nothing for no attempts', () => {
    expect(itemStatistics([])).toEqual([]);
  });

  it('lists questions in order of first appearance', () => {
    const attempts: AttemptObservation[] = [
      { total: 0.2, items: [obs('q2', 1)] },
      { total: 0.9, items: [obs('q1', 1), obs('q2', 0), obs('q3', 1)] },
    ];
    expect(itemStatistics(attempts).map((s) => s.questionId)).toEqual(['q2', 'q1', 'q3']);
  });

  describe('facility', () => {
    it.each([
      [[1, 1, 1, 1], 1],
      [[0, 0], 0],
      [[1, 0], 0.5],
      [[1, 0, 0], 0.3333],
      [[1, 1, 0], 0.6667],
      [[0.5, 0.25, 1, 0], 0.4375],
      [[1, null, 0, null], 0.5],
    ])('of %j is %p', (fractions, facility) => {
      expect(statsOf(single(fractions)).facility).toBe(facility);
    });

    it('is null, with nothing else to say, when no attempt has a grade for the question yet', () => {
      expect(statsOf(single([null, null]))).toEqual({
        questionId: 'q',
        attempts: 0,
        facility: null,
        discrimination: null,
        correlation: null,
        options: {},
      });
    });

    it('counts only graded attempts', () => {
      expect(statsOf(single([1, null, 0, 1])).attempts).toBe(3);
    });
  });

  describe('discrimination (upper − lower 27%)', () => {
    // Ten attempts, totals 1.0 down to 0.1: groups of round(2.7) = 3 attempts.
    it.each([
      ['strong attempts right, weak wrong', [1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 1],
      ['reversed: weak attempts right', [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], -1],
      ['everyone right', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0],
      ['middle decides nothing', [1, 0, 1, 1, 1, 0, 0, 1, 1, 0], 0],
      ['upper 2/3, lower 1/3', [1, 1, 0, 0, 0, 0, 0, 0, 1, 0], 0.3333],
      ['partial credit', [1, 0.5, 0.5, 0, 0, 0, 0, 0.5, 0, 0], 0.5],
      ['a modest reversal', [0, 0.5, 0.5, 1, 1, 1, 0.5, 0.5, 0.5, 1], -0.3333],
    ])('%s: %j gives %p', (_, fractions, expected) => {
      expect(statsOf(single(fractions)).discrimination).toBe(expected);
    });

    it('groups by total score, not by input order', () => {
      const fractions = [0, 0, 0, 1, 1, 1, 1, 0, 1, 0];
      const totals = [0.1, 0.2, 0.3, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.35];
      expect(statsOf(single(fractions, totals)).discrimination).toBe(1);
    });

    it('breaks ties in total by input order', () => {
      const fractions = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
      expect(statsOf(single(fractions, Array(10).fill(0.5))).discrimination).toBe(1);
      expect(statsOf(single([...fractions].reverse(), Array(10).fill(0.5))).discrimination).toBe(-1);
    });

    it('uses groups of round(27%) of the attempts', () => {
      // 20 attempts → groups of round(5.4) = 5: upper has 4 of 5 right, lower 1 of 5.
      const fractions = [1, 1, 1, 1, 0, ...Array(10).fill(0.5), 1, 0, 0, 0, 0];
      expect(
        statsOf(
          single(
            fractions,
            fractions.map((_, i) => 1 - i / 20),
          ),
        ).discrimination,
      ).toBe(0.6);
    });
  });

  describe('corrected item-total correlation', () => {
    it('matches a hand-computed point-biserial on the rest of the attempt', () => {
      // rest = total − 0.1 × fraction = 0.9, 0.8, …, 0.0. Right answers' rests average 0.62,
      // wrong ones' 0.28; the rests' population SD is √0.0825, p = q = ½, so
      // r = (0.62 − 0.28) / √0.0825 × ½ = 0.5919. (Against the uncorrected total it would be 0.6888.)
      const fractions = [1, 1, 1, 0, 1, 0, 0, 1, 0, 0];
      const rests = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0];
      const attempts = single(
        fractions,
        rests.map((rest, i) => rest + 0.1 * fractions[i]),
      );
      expect(statsOf(attempts).correlation).toBe(0.5919);
    });

    it('matches an independently computed Pearson on mixed questions and weights', () => {
      const random = lcg(42);
      const attempts: AttemptObservation[] = [];
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < 50; i++) {
        const ability = random();
        const a = random() < ability ? 1 : 0;
        const b = Math.round(random() * ability * 4) / 4;
        const c = random() < 0.5 ? 1 : 0;
        const total = a * 0.5 + b * 0.3 + c * 0.2;
        attempts.push({
          total,
          items: [obs('a', a, { weight: 0.5 }), obs('b', b, { weight: 0.3 }), obs('c', c, { weight: 0.2 })],
        });
        xs.push(b);
        ys.push(a * 0.5 + c * 0.2);
      }
      const expected = Math.round(referencePearson(xs, ys) * 10_000) / 10_000;
      expect(statsOf(attempts, 'b').correlation).toBe(expected);
      expect(expected).toBeGreaterThan(0);
    });

    it('is negative for a reversed question', () => {
      const fractions = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
      expect(statsOf(single(fractions)).correlation).toBeLessThan(-0.8);
    });
  });

  describe('too little to say', () => {
    it.each([
      ['nine attempts', single([1, 1, 1, 1, 0, 0, 0, 0, 0])],
      ['ten attempts, one not graded yet', single([1, 1, 1, 1, null, 0, 0, 0, 0, 0])],
    ])('%s: no discrimination or correlation, but a facility', (_, attempts) => {
      const stats = statsOf(attempts);
      expect(stats.attempts).toBe(9);
      expect(stats.facility).toBe(0.4444);
      expect(stats.discrimination).toBeNull();
      expect(stats.correlation).toBeNull();
    });

    it('has discrimination and correlation from ten attempts on', () => {
      const stats = statsOf(single([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]));
      expect(stats.discrimination).not.toBeNull();
      expect(stats.correlation).not.toBeNull();
    });

    it.each([
      ['everyone earned the same on the question', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], undefined],
      ['everyone earned the same 0.1 (float sums)', Array(10).fill(0.1), undefined],
      ['the rest of the attempt is the same for all', [1, 0, 1, 0, 1, 0, 1, 0, 1, 0], 'flat-rest'],
    ])('no correlation when %s', (_, fractions, kind) => {
      const totals = kind === 'flat-rest' ? fractions.map((f) => 0.5 + 0.1 * f) : undefined;
      expect(statsOf(single(fractions, totals)).correlation).toBeNull();
    });
  });

  describe('option counts', () => {
    it('counts each option of a single-choice question, and the unanswered', () => {
      const chosen = [['a'], ['b'], ['a'], [], ['c'], ['a'], []];
      const attempts = chosen.map((c) => ({ total: 0.5, items: [obs('q', c[0] === 'a' ? 1 : 0, { chosen: c })] }));
      expect(statsOf(attempts).options).toEqual({ a: 3, b: 1, c: 1, unanswered: 2 });
    });

    it.each([
      [
        'multiple choice counts every option chosen',
        [['a', 'b'], ['b'], ['b', 'c'], []],
        { a: 1, b: 3, c: 1, unanswered: 1 },
      ],
      ['true/false', [['true'], ['false'], ['true'], ['true']], { true: 3, false: 1, unanswered: 0 }],
      ['an option repeated in one attempt counts once', [['a', 'a']], { a: 1, unanswered: 0 }],
    ])('%s', (_, chosen, expected) => {
      const attempts = chosen.map((c) => ({ total: 0.5, items: [obs('q', 0.5, { chosen: c })] }));
      expect(statsOf(attempts).options).toEqual(expected);
    });

    it('is empty for a question nobody chooses options in (essay, short answer, …)', () => {
      expect(statsOf(single([1, 0, 0.5])).options).toEqual({});
    });

    it('says unanswered for a choice question nobody answered, when told it is one', () => {
      const attempts = [0, 0, 0].map(() => ({ total: 0, items: [obs('q', 0, { choice: true })] }));
      expect(statsOf(attempts).options).toEqual({ unanswered: 3 });
    });

    it('is empty for a question said not to be a choice question', () => {
      const attempts = [{ total: 1, items: [obs('q', 1, { chosen: ['x'], choice: false })] }];
      expect(statsOf(attempts).options).toEqual({});
    });

    it('skips attempts whose mark is not graded yet', () => {
      const attempts = [
        { total: 1, items: [obs('q', 1, { chosen: ['a'] })] },
        { total: 0, items: [obs('q', null, { chosen: ['b'] })] },
      ];
      expect(statsOf(attempts).options).toEqual({ a: 1, unanswered: 0 });
    });
  });

  it('handles 20,000 attempts of 20 questions', () => {
    const random = lcg(7);
    const questions = Array.from({ length: 20 }, (_, i) => `q${i + 1}`);
    const attempts: AttemptObservation[] = Array.from({ length: 20_000 }, () => {
      const ability = random();
      const items = questions.map((questionId) => {
        const right = random() < 0.2 + 0.6 * ability;
        const pick = right ? 'a' : random() < 0.1 ? null : ['b', 'c', 'd'][Math.floor(random() * 3)];
        return obs(questionId, right ? 1 : 0, { weight: 1 / 20, chosen: pick ? [pick] : [] });
      });
      return { total: items.reduce((sum, item) => sum + item.fraction! / 20, 0), items };
    });

    const stats = itemStatistics(attempts);

    expect(stats.map((s) => s.questionId)).toEqual(questions);
    for (const s of stats) {
      expect(s.attempts).toBe(20_000);
      expect(s.facility).toBeGreaterThan(0.4);
      expect(s.facility).toBeLessThan(0.6);
      expect(s.discrimination).toBeGreaterThan(0);
      expect(s.discrimination).toBeLessThanOrEqual(1);
      expect(s.correlation).toBeGreaterThan(0);
      expect(s.correlation).toBeLessThanOrEqual(1);
      expect(Object.values(s.options).reduce((a, b) => a + b, 0)).toBe(20_000);
      expect(Object.keys(s.options).sort()).toEqual(['a', 'b', 'c', 'd', 'unanswered']);
    }
  });
});
