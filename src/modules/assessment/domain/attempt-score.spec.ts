import { FrozenQuestion, passes, percentOf, quizGradeOf, scoreAttempt, SlotMark, totals } from './attempt-score';
import { Response } from './grading';
import { QuestionInput, toStored } from './questions';

const frozen = (slot: number, q: Omit<QuestionInput, 'stem'>): FrozenQuestion => ({
  slot,
  questionId: `q${slot}`,
  ...toStored({ stem: `Soal ${slot}`, ...q } as QuestionInput),
});

// 1 + 1.5 + 2.25 + 3 points.
const quiz: FrozenQuestion[] = [
  frozen(0, { type: 'single', options: [{ text: 'A', correct: true }, { text: 'B' }] }),
  frozen(1, {
    type: 'multiple',
    points: 1.5,
    options: [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C', correct: true }, { text: 'D' }],
  }),
  frozen(2, { type: 'numeric', points: 2.25, answer: 3.5 }),
  frozen(3, { type: 'essay', points: 3, rubric: [{ criterion: 'Isi', points: 3 }] }),
];

describe('scoreAttempt', () => {
  it('adds up points in hundredths', () => {
    const score = scoreAttempt(quiz.slice(0, 3), { 0: 'a', 1: ['a', 'b', 'd'], 2: '3,5' });
    expect(score).toEqual({
      marks: {
        0: { scored: 100, max: 100 },
        1: { scored: 50, max: 150 },
        2: { scored: 225, max: 225 },
      },
      scoreHundredths: 375,
      maxHundredths: 475,
      awaitingManual: false,
    });
  });

  it('rounds a partial mark to whole hundredths', () => {
    const score = scoreAttempt(quiz.slice(1, 2), { 1: ['a'] });
    // 1/3 of 1.5 points.
    expect(score.marks[1]).toEqual({ scored: 50, max: 150 });
    const onePoint = [frozen(0, { type: 'ordering', items: ['1', '2', '3'] })];
    // 1/3 of 1 point is 33.33…, kept as 33 hundredths.
    expect(scoreAttempt(onePoint, { 0: ['a', 'c', 'b'] }).marks[0]).toEqual({ scored: 33, max: 100 });
  });

  it('scores unanswered questions 0 but counts them in the maximum', () => {
    const score = scoreAttempt(quiz, {});
    expect(score.scoreHundredths).toBe(0);
    expect(score.maxHundredths).toBe(775);
    expect(score.awaitingManual).toBe(false);
    expect(score.marks[3]).toEqual({ scored: 0, max: 300 });
  });

  it('waits for a person when an essay is answered', () => {
    const score = scoreAttempt(quiz, { 0: 'a', 3: 'Jawaban saya' });
    expect(score.marks[3]).toEqual({ scored: null, max: 300 });
    expect(score.awaitingManual).toBe(true);
    expect(score.scoreHundredths).toBe(100);
    expect(score.maxHundredths).toBe(775);
  });

  it("keeps a grader's mark on an essay when regrading", () => {
    const manual: Record<string, SlotMark> = { 3: { scored: 250, max: 300, comment: 'Baik, kurang contoh' } };
    const score = scoreAttempt(quiz, { 0: 'a', 3: 'Jawaban saya' }, manual);
    expect(score.marks[3]).toEqual({ scored: 250, max: 300, comment: 'Baik, kurang contoh' });
    expect(score.awaitingManual).toBe(false);
    expect(score.scoreHundredths).toBe(350);
  });

  it('keeps an override with an empty comment', () => {
    const manual: Record<string, SlotMark> = { 0: { scored: 50, max: 100, comment: '' } };
    const score = scoreAttempt(quiz.slice(0, 1), { 0: 'a' }, manual);
    expect(score.marks[0]).toEqual({ scored: 50, max: 100, comment: '' });
  });

  it('keeps an override of an automatically graded question even when the key would now say otherwise', () => {
    // The grader gave full marks for "b"; a regrade after a key fix must not take that away.
    const manual: Record<string, SlotMark> = { 0: { scored: 100, max: 100, comment: 'Soal ambigu' } };
    const score = scoreAttempt(quiz.slice(0, 1), { 0: 'b' }, manual);
    expect(score.marks[0]).toEqual({ scored: 100, max: 100, comment: 'Soal ambigu' });
    expect(score.scoreHundredths).toBe(100);
  });

  it("rescales a person's mark to the question's new points, keeping its comment", () => {
    // Graded 2.5 of 3; the question now weighs 6, then 1 point.
    const manual: Record<string, SlotMark> = { 3: { scored: 250, max: 300, comment: 'Baik' } };
    const six = [{ ...quiz[3], points: 6 }];
    expect(scoreAttempt(six, { 3: 'Jawaban' }, manual)).toMatchObject({
      marks: { 3: { scored: 500, max: 600, comment: 'Baik' } },
      scoreHundredths: 500,
      maxHundredths: 600,
    });
    // 2.5/3 of 1 point is 0.8333…, kept as 83 hundredths.
    const one = [{ ...quiz[3], points: 1 }];
    expect(scoreAttempt(one, { 3: 'Jawaban' }, manual).marks[3]).toEqual({
      scored: 83,
      max: 100,
      comment: 'Baik',
      given: { scored: 250, max: 300 },
    });
    // Back to 3 points: the mark as given, not 0.83 of 3 rounded again (2.49).
    const back = scoreAttempt(one, { 3: 'Jawaban' }, manual).marks;
    expect(scoreAttempt([{ ...quiz[3], points: 3 }], { 3: 'Jawaban' }, back).marks[3]).toEqual({
      scored: 250,
      max: 300,
      comment: 'Baik',
    });
    // An override of full marks stays full marks.
    const full: Record<string, SlotMark> = { 0: { scored: 100, max: 100, comment: '' } };
    expect(scoreAttempt([{ ...quiz[0], points: 3 }], { 0: 'b' }, full).marks[0]).toEqual({
      scored: 300,
      max: 300,
      comment: '',
      given: { scored: 100, max: 100 },
    });
  });

  it('scores a slot again when its mark was given out of no points: a share of nothing says nothing', () => {
    const manual: Record<string, SlotMark> = { 3: { scored: 0, max: 0, comment: 'Soal bonus' } };
    const score = scoreAttempt([{ ...quiz[3], points: 2 }], { 3: 'Jawaban' }, manual);
    expect(score.marks[3]).toEqual({ scored: null, max: 200 });
    expect(score.awaitingManual).toBe(true);
  });

  it.each<[string, SlotMark]>([
    ['an earlier automatic mark (no comment)', { scored: 0, max: 100 }],
    ['a mark still waiting for a person', { scored: null, max: 100, comment: 'nanti' }],
  ])('grades again over %s', (_, previous) => {
    const score = scoreAttempt(quiz.slice(0, 1), { 0: 'a' }, { 0: previous });
    expect(score.marks[0]).toEqual({ scored: 100, max: 100 });
  });

  it('uses the points frozen into the attempt', () => {
    const q = { ...frozen(0, { type: 'true_false', correct: true }), points: 0.29 };
    expect(scoreAttempt([q], { 0: true })).toMatchObject({ scoreHundredths: 29, maxHundredths: 29 });
  });

  it('scores an empty quiz 0 of 0', () => {
    expect(scoreAttempt([], {})).toEqual({ marks: {}, scoreHundredths: 0, maxHundredths: 0, awaitingManual: false });
  });

  it.each<[string, Record<string, Response>, number]>([
    ['everything right', { 0: 'a', 1: ['a', 'b', 'c'], 2: '3.5' }, 475],
    ['everything wrong', { 0: 'b', 1: ['d'], 2: '4' }, 0],
    ['partly right', { 0: 'a', 1: ['a', 'b'], 2: '3' }, 200],
  ])('scores %s', (_, responses, expected) => {
    expect(scoreAttempt(quiz.slice(0, 3), responses).scoreHundredths).toBe(expected);
  });
});

describe('totals', () => {
  it('adds marks, counting a pending mark as 0 and flagging it', () => {
    expect(
      totals({
        0: { scored: 100, max: 100 },
        1: { scored: null, max: 300 },
        2: { scored: 75, max: 150, comment: 'x' },
      }),
    ).toMatchObject({ scoreHundredths: 175, maxHundredths: 550, awaitingManual: true });
  });
});

describe('percentOf', () => {
  it.each([
    [2, 3, 66.67],
    [1, 3, 33.33],
    [1, 6, 16.67],
    [5, 6, 83.33],
    [1, 8, 12.5],
    [199, 200, 99.5],
    [2, 30_000, 0.01],
    [0, 500, 0],
    [475, 475, 100],
    [0, 0, 0],
    [5, 0, 0],
  ])('%p of %p is %p%', (score, max, percent) => {
    expect(percentOf(score, max)).toBe(percent);
  });
});

describe('quizGradeOf, every attempt graded', () => {
  it.each<['highest' | 'last' | 'average', number[], number | null]>([
    ['highest', [40, 90, 70], 90],
    ['last', [40, 90, 70], 70],
    ['average', [40, 90, 70], 66.67],
    ['average', [50, 66.67, 100], 72.22],
    ['average', [33.33, 33.33, 33.34], 33.33],
    ['highest', [55.5], 55.5],
    ['last', [55.5], 55.5],
    ['average', [55.5], 55.5],
    ['highest', [0, 0], 0],
    ['highest', [], null],
    ['last', [], null],
    ['average', [], null],
  ])('%s of %j is %p', (method, percents, expected) => {
    expect(
      quizGradeOf(
        method,
        percents.map((percent) => ({ graded: true, percent })),
      ),
    ).toBe(expected);
  });
});

describe('quizGradeOf', () => {
  const graded = (percent: number) => ({ graded: true, percent });
  const pending = { graded: false, percent: null };
  it.each<['highest' | 'last' | 'average', Array<{ graded: boolean; percent: number | null }>, number | null]>([
    // The newest attempt waits for an essay mark: "last" is not the attempt before it.
    ['last', [graded(90), pending], null],
    ['last', [pending, graded(40)], 40],
    ['last', [graded(90), graded(40)], 40],
    ['last', [pending], null],
    ['last', [], null],
    // Highest and average take the final grades there are.
    ['highest', [graded(90), pending], 90],
    ['average', [graded(90), pending, graded(70)], 80],
    ['highest', [pending], null],
  ])('%s of %j is %p', (method, finished, expected) => {
    expect(quizGradeOf(method, finished)).toBe(expected);
  });
});

describe('passes', () => {
  it.each<[number | null, number, boolean]>([
    [60, 60, true],
    [60.01, 60, true],
    [59.99, 60, false],
    [100, 100, true],
    [0, 0, true],
    [0, 0.01, false],
    [percentOf(3, 5), 60, true],
    [percentOf(2, 3), 66.67, true],
    [percentOf(2, 3), 66.68, false],
    [
      quizGradeOf('average', [
        { graded: true, percent: 50 },
        { graded: true, percent: 70 },
      ]),
      60,
      true,
    ],
    [null, 0, false],
    [null, 60, false],
  ])('%p% against a pass mark of %p% passes: %p', (percent, passPercent, expected) => {
    expect(passes(percent, passPercent)).toBe(expected);
  });
});
