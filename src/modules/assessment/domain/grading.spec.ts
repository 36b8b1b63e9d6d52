import { answerShapeOf, grade, numberReadings, parseNumber, Response, responseProblem } from './grading';
import { QuestionContent, QuestionInput, QuestionKey, toStored } from './questions';
import { answerMatches } from './short-answer';

const stored = (q: Omit<QuestionInput, 'stem'>) => toStored({ stem: 'Q', ...q } as QuestionInput);
const keyOf = (q: Omit<QuestionInput, 'stem'>): QuestionKey => stored(q).key;
const contentOf = (q: Omit<QuestionInput, 'stem'>): QuestionContent => stored(q).content;

const single = keyOf({
  type: 'single',
  options: [
    { text: 'Jakarta', correct: true, feedback: 'Benar' },
    { text: 'Bandung', feedback: 'Itu Jawa Barat' },
    { text: 'Medan' },
  ],
});

// a, b, c correct; d, e wrong.
const multipleOptions = [
  { text: 'A', correct: true },
  { text: 'B', correct: true },
  { text: 'C', correct: true },
  { text: 'D', feedback: 'D is wrong' },
  { text: 'E' },
];
const partial = keyOf({ type: 'multiple', options: multipleOptions, scoring: 'partial' });
const allOrNothing = keyOf({ type: 'multiple', options: multipleOptions, scoring: 'all_or_nothing' });
// a, b correct; c, d wrong.
const twoOfFour = keyOf({
  type: 'multiple',
  options: [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C' }, { text: 'D' }],
});

const fractionOf = (key: QuestionKey, response: Response | undefined) => grade(key, response).fraction;

describe('grade', () => {
  describe('single choice', () => {
    it.each<[string, Response | undefined, number]>([
      ['the right option', 'a', 1],
      ['a wrong option', 'b', 0],
      ['another wrong option', 'c', 0],
      ['no answer', undefined, 0],
      ['an unknown id', 'z', 0],
      ['a list holding the right id', ['a'], 0],
    ])('scores %s', (_, response, fraction) => {
      expect(fractionOf(single, response)).toBe(fraction);
    });

    it('points at the feedback of the chosen option', () => {
      expect(grade(single, 'a').feedbackFor).toEqual(['a']);
      expect(grade(single, 'b').feedbackFor).toEqual(['b']);
      expect(grade(single, 'c').feedbackFor).toBeUndefined();
      // A malformed response (a list instead of one id) gets no feedback either.
      expect(grade(single, ['b']).feedbackFor).toBeUndefined();
    });

    it('treats a null response as missing', () => {
      expect(fractionOf(single, null as unknown as Response)).toBe(0);
    });
  });

  describe('multiple choice, partial (right minus wrong, never below 0)', () => {
    it.each<[string[], number]>([
      [['a', 'b', 'c'], 1],
      [['a', 'b'], 2 / 3],
      [['a'], 1 / 3],
      [['a', 'b', 'd'], 1 / 3],
      [['a', 'd'], 0],
      [['a', 'd', 'e'], 0],
      [['d', 'e'], 0],
      [['a', 'b', 'c', 'd'], 2 / 3],
      [['a', 'b', 'c', 'd', 'e'], 1 / 3],
      [[], 0],
    ])('chosen %j scores %p', (chosen, fraction) => {
      expect(fractionOf(partial, chosen)).toBeCloseTo(fraction, 10);
    });

    it('gives nothing for choosing every option when there are as many wrong as right', () => {
      expect(fractionOf(twoOfFour, ['a', 'b', 'c', 'd'])).toBe(0);
      expect(fractionOf(twoOfFour, ['a', 'b', 'c'])).toBe(0.5);
    });

    it('scores 0 for something that is not a list', () => {
      expect(fractionOf(partial, 'a')).toBe(0);
      expect(fractionOf(partial, undefined)).toBe(0);
    });

    it('points at the feedback of the chosen options only', () => {
      expect(grade(partial, ['a', 'd']).feedbackFor).toEqual(['d']);
      expect(grade(partial, ['a', 'b']).feedbackFor).toBeUndefined();
    });
  });

  describe('multiple choice, all or nothing', () => {
    it.each<[string[], number]>([
      [['a', 'b', 'c'], 1],
      [['c', 'a', 'b'], 1],
      [['a', 'b'], 0],
      [['a', 'b', 'c', 'd'], 0],
      [['a', 'b', 'c', 'd', 'e'], 0],
      [[], 0],
    ])('chosen %j scores %p', (chosen, fraction) => {
      expect(fractionOf(allOrNothing, chosen)).toBe(fraction);
    });
  });

  describe('true/false', () => {
    const isTrue = keyOf({ type: 'true_false', correct: true });
    const isFalse = keyOf({ type: 'true_false', correct: false });
    it.each<[string, QuestionKey, Response | undefined, number]>([
      ['true when true', isTrue, true, 1],
      ['false when true', isTrue, false, 0],
      ['false when false', isFalse, false, 1],
      ['true when false', isFalse, true, 0],
      ['nothing when false', isFalse, undefined, 0],
      ['the text "false" when false', isFalse, 'false', 0],
    ])('scores %s', (_, key, response, fraction) => {
      expect(fractionOf(key, response)).toBe(fraction);
    });
  });

  describe('short answer', () => {
    const city = keyOf({ type: 'short', answers: ['Jakarta', 'DKI Jakarta', 'Daerah Khusus Ibukota'] });
    const formula = keyOf({ type: 'short', answers: ['H2O'], caseSensitive: true });
    const accented = keyOf({ type: 'short', answers: ['café'] });
    const dotted = keyOf({ type: 'short', answers: ['Ibu Kota'] });
    it.each<[string, QuestionKey, Response | undefined, number]>([
      ['the exact answer', city, 'Jakarta', 1],
      ['another accepted answer', city, 'DKI Jakarta', 1],
      ['a different case', city, 'jAKARTA', 1],
      ['surrounding spaces', city, '  Jakarta ', 1],
      ['repeated inner spaces', city, 'DKI    Jakarta', 1],
      ['tabs and newlines inside', city, 'DKI\t\nJakarta', 1],
      ['full-width letters (NFKC)', city, 'Ｊａｋａｒｔａ', 1],
      ['a combining accent (NFKC)', accented, 'cafe\u0301', 1],
      ['capital I lowercased the Indonesian way', dotted, 'IBU KOTA', 1],
      ['a wrong answer', city, 'Bandung', 0],
      ['part of the answer', city, 'Jakar', 0],
      ['an empty answer', city, '', 0],
      ['no answer', city, undefined, 0],
      ['a list', city, ['Jakarta'], 0],
      ['the right case when case sensitive', formula, 'H2O', 1],
      ['spaces when case sensitive', formula, ' H2O ', 1],
      ['the wrong case when case sensitive', formula, 'h2o', 0],
    ])('scores %s', (_, key, response, fraction) => {
      expect(fractionOf(key, response)).toBe(fraction);
    });

    // The response is normalised once for all accepted answers: case and spaces still count
    // (or not) per answer, wildcards included, as when each answer normalised it itself.
    type ShortKey = Extract<QuestionKey, { type: 'short' }>;
    const president: ShortKey = { type: 'short', answers: ['Hatta', 'Soekarno*', 'Ir*karno'], caseSensitive: false };
    const water: ShortKey = { type: 'short', answers: ['Air', 'H2O*'], caseSensitive: true };
    const times: ShortKey = { type: 'short', answers: ['5 \\* 3'], caseSensitive: false };
    it.each<[string, ShortKey, string, number]>([
      ['a later wildcard answer in another case with extra spaces', president, '  SOEKARNO   hatta ', 1],
      ['the third answer in full-width letters', president, 'ＩＲ. Soekarno', 1],
      ['no answer matching whatever the case', president, 'Megawati Soekarnoputri', 0],
      ['a case-sensitive wildcard in its case with extra spaces', water, '  H2O   (air) ', 1],
      ['a case-sensitive wildcard in another case', water, 'h2o (air)', 0],
      ['a case-sensitive plain answer in another case', water, 'air', 0],
      ['an escaped star with extra spaces', times, ' 5   *  3 ', 1],
      ['an escaped star is not a wildcard', times, '5 x 3', 0],
    ])('scores %s as each answer matching it alone would', (_, key, response, fraction) => {
      expect(fractionOf(key, response)).toBe(fraction);
      expect(key.answers.some((a) => answerMatches(a, response, key.caseSensitive)) ? 1 : 0).toBe(fraction);
    });
  });

  describe('numeric', () => {
    const half = keyOf({ type: 'numeric', answer: 3.5 });
    const roughly = keyOf({ type: 'numeric', answer: 10, tolerance: 0.5 });
    const large = keyOf({ type: 'numeric', answer: 1250.5 });
    const negative = keyOf({ type: 'numeric', answer: -2 });
    const pointThree = keyOf({ type: 'numeric', answer: 0.3, tolerance: 0 });
    const sum = keyOf({ type: 'numeric', answer: 0.1 + 0.2, tolerance: 0 });
    const tenth = keyOf({ type: 'numeric', answer: 1, tolerance: 0.1 });
    it.each<[string, QuestionKey, Response | undefined, number]>([
      ['a dot decimal', half, '3.5', 1],
      ['a comma decimal', half, '3,5', 1],
      ['trailing zeros', half, '3,50', 1],
      ['spaces around', half, ' 3.5 ', 1],
      ['a near miss without tolerance', half, '3.49', 0],
      ['the whole part only', half, '3', 0],
      ['within the tolerance', roughly, '10.4', 1],
      ['on the lower edge of the tolerance', roughly, '9.5', 1],
      ['on the upper edge of the tolerance', roughly, '10,5', 1],
      ['just outside the tolerance', roughly, '10.51', 0],
      ['a tolerance edge with float error (1.1 vs 1 ± 0.1)', tenth, '1.1', 1],
      ['just beyond a 0.1 tolerance', tenth, '1.11', 0],
      ['Indonesian thousands', large, '1.250,5', 1],
      ['English thousands', large, '1,250.5', 1],
      ['thousands with a space', large, '1 250,5', 1],
      ['a negative number', negative, '-2', 1],
      ['a negative number with a comma', negative, '-2,0', 1],
      ['0.1 + 0.2 typed out against 0.3', pointThree, '0.30000000000000004', 1],
      ['0.3 against a key of 0.1 + 0.2', sum, '0.3', 1],
      ['0,3 against a key of 0.1 + 0.2', sum, '0,3', 1],
      ['garbage', half, 'tiga setengah', 0],
      ['a number with a unit', half, '3.5 kg', 0],
      ['an empty answer', half, '', 0],
      ['no answer', half, undefined, 0],
      ['a number instead of text', half, 3.5 as unknown as Response, 0],
    ])('scores %s', (_, key, response, fraction) => {
      expect(fractionOf(key, response)).toBe(fraction);
    });
  });

  describe('matching (each right pair counts)', () => {
    const key = keyOf({
      type: 'matching',
      pairs: [
        { prompt: 'Jawa Barat', match: 'Bandung' },
        { prompt: 'Jawa Tengah', match: 'Semarang' },
        { prompt: 'Jawa Timur', match: 'Surabaya' },
      ],
    });
    it.each<[Response | undefined, number]>([
      [{ pa: 'ma', pb: 'mb', pc: 'mc' }, 1],
      [{ pa: 'ma', pb: 'mb', pc: 'ma' }, 2 / 3],
      [{ pa: 'ma', pb: 'mc', pc: 'mb' }, 1 / 3],
      [{ pa: 'ma' }, 1 / 3],
      [{ pa: 'mb', pb: 'mc', pc: 'ma' }, 0],
      [{}, 0],
      [undefined, 0],
      ['ma', 0],
      [['ma', 'mb', 'mc'], 0],
    ])('scores %j as %p', (response, fraction) => {
      expect(fractionOf(key, response)).toBeCloseTo(fraction, 10);
    });
  });

  describe('ordering (each item in its right place counts)', () => {
    const key = keyOf({ type: 'ordering', items: ['1', '2', '3', '4'] });
    it.each<[Response | undefined, number]>([
      [['a', 'b', 'c', 'd'], 1],
      [['a', 'b', 'd', 'c'], 0.5],
      [['b', 'a', 'c', 'd'], 0.5],
      [['d', 'a', 'b', 'c'], 0],
      [['d', 'c', 'b', 'a'], 0],
      [['a', 'c', 'b', 'd'], 0.5],
      [['a'], 0.25],
      [[], 0],
      [undefined, 0],
      ['abcd', 0],
    ])('scores %j as %p', (response, fraction) => {
      expect(fractionOf(key, response)).toBe(fraction);
    });
  });

  describe('essay', () => {
    const key = keyOf({ type: 'essay', rubric: [{ criterion: 'Isi', points: 1 }] });
    it.each<[string, Response | undefined, number | null]>([
      ['an answer waits for a person', 'Reformasi birokrasi adalah…', null],
      ['an empty answer scores 0', '', 0],
      ['a blank answer scores 0', '  \n ', 0],
      ['no answer scores 0', undefined, 0],
      ['something that is not text scores 0', ['x'], 0],
    ])('%s', (_, response, fraction) => {
      expect(fractionOf(key, response)).toBe(fraction);
    });
  });
});

describe('parseNumber', () => {
  it.each<[string, number | null]>([
    ['3.5', 3.5],
    ['3,5', 3.5],
    ['42', 42],
    ['0', 0],
    ['-7', -7],
    ['+7', 7],
    ['-3,25', -3.25],
    ['.5', 0.5],
    [',5', 0.5],
    ['  12  ', 12],
    ['1 000', 1000],
    ['1.250,5', 1250.5],
    ['1,250.5', 1250.5],
    ['1.250.000', 1250000],
    ['1,250,000', 1250000],
    ['1.250.000,75', 1250000.75],
    ['1,250,000.75', 1250000.75],
    ['1 250 000,75', 1250000.75],
    // A lone separator is a decimal mark, whichever it is.
    ['1,250', 1.25],
    ['1.250', 1.25],
    ['', null],
    ['   ', null],
    ['abc', null],
    ['3.5kg', null],
    ['1e3', null],
    ['0x10', null],
    ['Infinity', null],
    ['NaN', null],
    ['--1', null],
    ['1-2', null],
    ['.', null],
    [',', null],
    ['1.2,3,4', null],
    ['1,2.3.4', null],
    // Thousands never follow a leading 0; a lone separator after 0 is a decimal mark.
    ['0.250.000', null],
    ['0,250.5', null],
    ['-0.250.000', null],
    ['0,250', 0.25],
    ['0.005', 0.005],
  ])('reads %j as %p', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });
});

describe('numberReadings', () => {
  it.each<[string, number[]]>([
    ['250.000', [250, 250000]],
    ['1,500', [1.5, 1500]],
    ['-1.500', [-1.5, -1500]],
    ['3.5', [3.5]],
    ['1.250.000', [1250000]],
    ['12.3456', [12.3456]],
    ['abc', []],
    // A leading 0 is never a thousands group: nobody writes 250 as 0.250.
    ['0,250', [0.25]],
    ['0.250', [0.25]],
    ['0.005', [0.005]],
    ['-0,500', [-0.5]],
    ['+0.750', [0.75]],
  ])('reads %j as %p', (raw, readings) => {
    expect(numberReadings(raw)).toEqual(readings);
  });

  it('gives no mark for a leading-0 decimal read as thousands (0,25 kg = 250 gram)', () => {
    const grams = { type: 'numeric' as const, answer: 250, tolerance: 0 };
    expect(grade(grams, '0,250').fraction).toBe(0);
    expect(grade(grams, '0.250').fraction).toBe(0);
    expect(grade(grams, '250').fraction).toBe(1);
    expect(grade({ ...grams, answer: 5 }, '0.005').fraction).toBe(0);
    expect(grade({ ...grams, answer: 0.25 }, '0,250').fraction).toBe(1);
  });

  it('gives the mark for an amount typed the Indonesian way', () => {
    const key = { type: 'numeric' as const, answer: 250000, tolerance: 0 };
    expect(grade(key, '250.000').fraction).toBe(1);
    expect(grade(key, 'Rp 250.000').fraction).toBe(0);
    expect(grade({ ...key, answer: 2.5 }, '2.500').fraction).toBe(1);
    expect(grade({ ...key, answer: 250 }, '250.000').fraction).toBe(1);
  });
});

describe('responseProblem', () => {
  const choice = contentOf({
    type: 'single',
    options: [{ text: 'A', correct: true }, { text: 'B' }, { text: 'C' }],
  });
  const multi = contentOf({ type: 'multiple', options: [{ text: 'A', correct: true }, { text: 'B' }] });
  const matching = contentOf({
    type: 'matching',
    pairs: [
      { prompt: 'P1', match: 'M1' },
      { prompt: 'P2', match: 'M2' },
    ],
  });
  const ordering = contentOf({ type: 'ordering', items: ['1', '2', '3'] });
  const trueFalse = contentOf({ type: 'true_false', correct: true });
  const short = contentOf({ type: 'short', answers: ['x'] });
  const numeric = contentOf({ type: 'numeric', answer: 1 });
  const essay = contentOf({ type: 'essay' });

  it.each<[string, QuestionContent, unknown]>([
    ['single: an option id', choice, 'b'],
    ['multiple: some option ids', multi, ['a', 'b']],
    ['multiple: no option at all', multi, []],
    ['true/false: true', trueFalse, true],
    ['true/false: false', trueFalse, false],
    ['short: text', short, 'Jakarta'],
    ['short: empty text', short, ''],
    ['short: 500 characters', short, 'x'.repeat(500)],
    ['numeric: text', numeric, '3,5'],
    ['numeric: text that is not a number (graded 0, not refused)', numeric, 'tiga'],
    ['essay: text', essay, 'Jawaban panjang'],
    ['essay: 20 000 characters', essay, 'x'.repeat(20_000)],
    ['matching: every prompt', matching, { pa: 'mb', pb: 'ma' }],
    ['matching: some prompts', matching, { pa: 'ma' }],
    ['matching: nothing yet', matching, {}],
    ['matching: one choice for two prompts', matching, { pa: 'ma', pb: 'ma' }],
    ['ordering: every item once', ordering, ['c', 'a', 'b']],
  ])('accepts %s', (_, content, response) => {
    expect(responseProblem(content, response)).toBeNull();
  });

  it.each<[string, QuestionContent, unknown, string]>([
    ['single: an unknown id', choice, 'z', 'must be one of the option ids'],
    ['single: a list', choice, ['a'], 'must be one of the option ids'],
    ['single: nothing', choice, undefined, 'must be one of the option ids'],
    ['single: an index', choice, 0, 'must be one of the option ids'],
    ['multiple: one id, not a list', multi, 'a', 'must be a list of distinct option ids'],
    ['multiple: an unknown id', multi, ['a', 'x'], 'must be a list of distinct option ids'],
    ['multiple: the same id twice', multi, ['a', 'a'], 'must be a list of distinct option ids'],
    ['multiple: a number in the list', multi, ['a', 1], 'must be a list of distinct option ids'],
    ['true/false: text', trueFalse, 'true', 'must be true or false'],
    ['true/false: a number', trueFalse, 1, 'must be true or false'],
    ['true/false: null', trueFalse, null, 'must be true or false'],
    ['short: 501 characters', short, 'x'.repeat(501), 'must be text of at most 500 characters'],
    ['short: a list', short, ['Jakarta'], 'must be text of at most 500 characters'],
    ['numeric: a number', numeric, 3.5, 'must be text of at most 500 characters'],
    ['essay: 20 001 characters', essay, 'x'.repeat(20_001), 'must be text of at most 20000 characters'],
    ['essay: an object', essay, { text: 'x' }, 'must be text of at most 20000 characters'],
    ['matching: a list', matching, ['ma', 'mb'], 'must map prompt ids to choice ids'],
    ['matching: null', matching, null, 'must map prompt ids to choice ids'],
    ['matching: text', matching, 'pa=ma', 'must map prompt ids to choice ids'],
    ['matching: an unknown prompt', matching, { px: 'ma' }, 'must map prompt ids to choice ids'],
    ['matching: an unknown choice', matching, { pa: 'mx' }, 'must map prompt ids to choice ids'],
    ['matching: a prompt id as the choice', matching, { pa: 'pb' }, 'must map prompt ids to choice ids'],
    ['matching: a choice that is not text', matching, { pa: 1 }, 'must map prompt ids to choice ids'],
    ['ordering: an item missing', ordering, ['a', 'b'], 'must list every item id once'],
    ['ordering: an item twice', ordering, ['a', 'b', 'b'], 'must list every item id once'],
    ['ordering: an extra item', ordering, ['a', 'b', 'c', 'd'], 'must list every item id once'],
    ['ordering: an unknown item', ordering, ['a', 'b', 'x'], 'must list every item id once'],
    ['ordering: not a list', ordering, 'abc', 'must list every item id once'],
  ])('refuses %s', (_, content, response, problem) => {
    expect(responseProblem(content, response)).toBe(problem);
  });

  describe('against the answer shape kept in the attempt (ids, no text)', () => {
    const contents = [choice, multi, matching, ordering, trueFalse, short, numeric, essay];
    const responses: unknown[] = ['a', 'b', 'z', ['a', 'b'], ['a', 'a'], [], true, 'true', 'x'.repeat(501)];
    responses.push({ pa: 'ma' }, { pa: 'mx' }, ['c', 'a', 'b'], ['a', 'b'], 'x'.repeat(20_001), null);

    it('gives the same verdict as the whole content, for every type and answer', () => {
      for (const content of contents)
        for (const response of responses)
          expect([content.type, response, responseProblem(answerShapeOf(content), response)]).toEqual([
            content.type,
            response,
            responseProblem(content, response),
          ]);
    });

    it('holds no text of the question', () => {
      const texts = JSON.stringify([choice, multi, matching, ordering].map(answerShapeOf));
      for (const text of ['"A"', '"B"', 'P1', 'M1', '"text"']) expect(texts).not.toContain(text);
      expect(answerShapeOf(matching)).toEqual({
        type: 'matching',
        prompts: [{ id: 'pa' }, { id: 'pb' }],
        choices: [{ id: 'ma' }, { id: 'mb' }],
      });
    });
  });
});
