import type { LearnerQuestion } from '../assessment/attempts/attempt.view';
import { readQuizForm } from './quiz-form';

const q = (slot: number, type: LearnerQuestion['type'], extra: Partial<LearnerQuestion> = {}): LearnerQuestion => ({
  slot,
  type,
  stem: 's',
  points: 1,
  ...extra,
});

describe('readQuizForm', () => {
  const questions = [
    q(0, 'single', { options: [{ id: 'a', text: 'A' }] }),
    q(1, 'multiple', { options: [{ id: 'a', text: 'A' }] }),
    q(2, 'true_false'),
    q(3, 'short'),
    q(4, 'numeric'),
    q(5, 'essay'),
    q(6, 'matching', {
      prompts: [
        { id: 'pa', text: 'P' },
        { id: 'pb', text: 'Q' },
      ],
      choices: [],
    }),
    q(7, 'ordering', {
      items: [
        { id: 'x1', text: '1' },
        { id: 'x2', text: '2' },
        { id: 'x3', text: '3' },
      ],
    }),
  ];

  it.each([
    [
      'a filled form',
      {
        r0: 'a',
        r1: ['a', 'c'],
        r2: 'false',
        r3: ' Pancasila ',
        r4: '3,5',
        r5: 'Esai',
        'r6.pa': 'm1',
        'r6.pb': '',
        'r7.x1': '2',
        'r7.x2': '3',
        'r7.x3': '1',
      },
      {
        0: 'a',
        1: ['a', 'c'],
        2: false,
        3: ' Pancasila ',
        4: '3,5',
        5: 'Esai',
        6: { pa: 'm1' },
        7: ['x3', 'x1', 'x2'],
      },
    ],
    [
      'an empty form clears every answer',
      {},
      { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null },
    ],
    ['one ticked box arrives as a string', { r1: 'a' }, { 1: ['a'] }],
    ['blank text is no answer', { r3: '   ', r2: 'maybe' }, { 3: null, 2: null }],
    ['repeated boxes are sent once', { r1: ['a', 'a'] }, { 1: ['a'] }],
  ])('%s', (_, body, expected) => {
    expect(readQuizForm(body, questions).responses).toMatchObject(expected);
  });

  it('sends a partly placed or tied ordering as not answered yet, and names its slot', () => {
    for (const body of [
      { 'r7.x1': '1', 'r7.x2': '' },
      { 'r7.x1': '1', 'r7.x2': '1', 'r7.x3': '2' },
    ]) {
      expect(readQuizForm({ ...body, r3: 'Pancasila' }, questions)).toMatchObject({
        responses: { 3: 'Pancasila', 7: null },
        unfinished: [7],
      });
    }
    expect(readQuizForm({ 'r7.x1': '2', 'r7.x2': '3', 'r7.x3': '1' }, questions)).toMatchObject({
      responses: { 7: ['x3', 'x1', 'x2'] },
      unfinished: [],
    });
  });

  it('bounds text answers', () => {
    expect((readQuizForm({ r3: 'x'.repeat(900) }, questions).responses[3] as string).length).toBe(500);
  });
});
