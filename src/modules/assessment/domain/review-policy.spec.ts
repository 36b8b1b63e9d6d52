import { REVIEW_TIMINGS, ReviewMoment, reviewRights, ReviewTiming, visible } from './review-policy';

const moments: Record<string, ReviewMoment> = {
  'still being graded, quiz open': { graded: false, quizClosed: false },
  'still being graded, quiz closed': { graded: false, quizClosed: true },
  'graded, quiz open': { graded: true, quizClosed: false },
  'graded, quiz closed': { graded: true, quizClosed: true },
};

// Expected visibility per timing, in the order of `moments` above.
const expected: Record<ReviewTiming, boolean[]> = {
  after_grading: [false, false, true, true],
  after_close: [false, false, false, true],
  never: [false, false, false, false],
};

const table = REVIEW_TIMINGS.flatMap((timing) =>
  Object.entries(moments).map(([name, at], i) => [timing, name, at, expected[timing][i]] as const),
);

describe('visible', () => {
  it('covers every timing', () => {
    expect(Object.keys(expected).sort()).toEqual([...REVIEW_TIMINGS].sort());
  });

  it.each(table)('%s, when %s: %p', (timing, _, at, shown) => {
    expect(visible(timing, at)).toBe(shown);
  });
});

describe('reviewRights', () => {
  it.each<[string, ReviewTiming, ReviewTiming, ReviewMoment, { score: boolean; answers: boolean }]>([
    [
      'score now, answers after close: quiz still open',
      'after_grading',
      'after_close',
      moments['graded, quiz open'],
      { score: true, answers: false },
    ],
    [
      'score now, answers after close: quiz closed',
      'after_grading',
      'after_close',
      moments['graded, quiz closed'],
      { score: true, answers: true },
    ],
    [
      'score now, answers never: quiz closed',
      'after_grading',
      'never',
      moments['graded, quiz closed'],
      { score: true, answers: false },
    ],
    [
      'everything after grading: essay not graded yet',
      'after_grading',
      'after_grading',
      moments['still being graded, quiz closed'],
      { score: false, answers: false },
    ],
    [
      'everything after grading: graded',
      'after_grading',
      'after_grading',
      moments['graded, quiz open'],
      { score: true, answers: true },
    ],
    ['nothing ever', 'never', 'never', moments['graded, quiz closed'], { score: false, answers: false }],
    [
      'score after close, answers after grading: quiz open',
      'after_close',
      'after_grading',
      moments['graded, quiz open'],
      { score: false, answers: true },
    ],
  ])('%s', (_, showScore, showAnswers, at, rights) => {
    expect(reviewRights({ showScore, showAnswers }, at)).toEqual(rights);
  });
});
