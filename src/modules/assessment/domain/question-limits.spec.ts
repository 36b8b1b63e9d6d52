import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { QuestionDto } from '../dto/question.dto';
import { parseGift } from './gift';
import { MAX_ANSWERS, TEXT_MAX } from './question-limits';
import { QuestionInput, questionProblems } from './questions';

const long = (n: number) => 'x'.repeat(n);
const rulesOf = (q: QuestionInput) => questionProblems(q).map((p) => [p.field, p.rule]);

describe('text limits (one rule for the form and for GIFT import)', () => {
  it.each<[string, QuestionInput, string]>([
    ['a stem', { type: 'true_false', stem: long(TEXT_MAX.stem + 1), correct: true }, 'stem'],
    ['a feedback', { type: 'true_false', stem: 'Q', correct: true, feedback: long(TEXT_MAX.feedback + 1) }, 'feedback'],
    [
      'an option',
      { type: 'single', stem: 'Q', options: [{ text: long(TEXT_MAX.option + 1), correct: true }, { text: 'b' }] },
      'options.0.text',
    ],
    [
      'an option feedback',
      {
        type: 'single',
        stem: 'Q',
        options: [
          { text: 'a', correct: true },
          { text: 'b', feedback: long(TEXT_MAX.optionFeedback + 1) },
        ],
      },
      'options.1.feedback',
    ],
    ['an accepted answer', { type: 'short', stem: 'Q', answers: ['a', long(TEXT_MAX.answer + 1)] }, 'answers.1'],
    [
      'a matching prompt',
      {
        type: 'matching',
        stem: 'Q',
        pairs: [
          { prompt: long(TEXT_MAX.pair + 1), match: '1' },
          { prompt: 'b', match: '2' },
        ],
      },
      'pairs.0.prompt',
    ],
    ['an ordering item', { type: 'ordering', stem: 'Q', items: ['a', long(TEXT_MAX.item + 1)] }, 'items.1'],
    [
      'a rubric criterion',
      { type: 'essay', stem: 'Q', rubric: [{ criterion: long(TEXT_MAX.criterion + 1), points: 1 }] },
      'rubric.0.criterion',
    ],
  ])('refuses %s one character over its limit, by field', (_label, q, field) => {
    expect(rulesOf(q)).toEqual([[field, 'maxLength']]);
  });

  it('accepts texts exactly at their limits, counting an emoji as one character', () => {
    const stem = '😀'.repeat(TEXT_MAX.stem);
    expect(questionProblems({ type: 'true_false', stem, correct: true })).toEqual([]);
  });

  it('refuses more accepted answers than the form takes', () => {
    const answers = Array.from({ length: MAX_ANSWERS + 1 }, (_, i) => `jawaban ${i}`);
    expect(rulesOf({ type: 'short', stem: 'Q', answers })).toEqual([['answers', 'count']]);
  });

  it('says the limit and the length found', () => {
    expect(questionProblems({ type: 'true_false', stem: long(12_345), correct: true })).toEqual([
      { field: 'stem', rule: 'maxLength', message: 'stem must be at most 10,000 characters (it has 12,345)' },
    ]);
  });

  it('refuses a GIFT question over a limit at its line (a pasted base64 image)', () => {
    const image = `<img src="data:image/png;base64,${'A'.repeat(TEXT_MAX.stem)}">`;
    const result = parseGift(`Baik? {T}\n\n// points: 2\nLihat gambar ${image} {T}`);
    expect(result.questions).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 4, message: expect.stringContaining('stem: stem must be at most 10,000') }]);
  });

  it('has the form refuse exactly what import refuses', () => {
    const dto = (stem: string) =>
      validateSync(plainToInstance(QuestionDto, { type: 'true_false', stem, correct: true }));
    expect(dto(long(TEXT_MAX.stem))).toEqual([]);
    expect(dto(long(TEXT_MAX.stem + 1)).map((e) => e.property)).toEqual(['stem']);
  });
});
