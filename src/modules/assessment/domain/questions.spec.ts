import {
  normaliseText,
  pointsOf,
  QUESTION_TYPES,
  QuestionInput,
  questionProblems,
  QuestionType,
  rubricTotal,
  toInput,
  toStored,
} from './questions';

const valid: Record<QuestionType, QuestionInput> = {
  single: {
    type: 'single',
    stem: 'Ibu kota Indonesia?',
    options: [{ text: 'Jakarta', correct: true }, { text: 'Bandung' }],
  },
  multiple: {
    type: 'multiple',
    stem: 'Bilangan prima?',
    options: [
      { text: '2', correct: true },
      { text: '3', correct: true },
      { text: '4', correct: false },
    ],
  },
  true_false: { type: 'true_false', stem: 'Bumi itu bulat.', correct: false },
  short: { type: 'short', stem: 'Ibu kota Jawa Barat?', answers: ['Bandung', 'Kota Bandung'] },
  numeric: { type: 'numeric', stem: 'Tujuh dibagi dua?', answer: 3.5, tolerance: 0.01 },
  matching: {
    type: 'matching',
    stem: 'Pasangkan provinsi dan ibu kotanya.',
    pairs: [
      { prompt: 'Jawa Barat', match: 'Bandung' },
      { prompt: 'Jawa Tengah', match: 'Semarang' },
    ],
  },
  ordering: { type: 'ordering', stem: 'Urutkan dari kecil ke besar.', items: ['Desa', 'Kecamatan', 'Kabupaten'] },
  essay: { type: 'essay', stem: 'Jelaskan reformasi birokrasi.', rubric: [{ criterion: 'Kejelasan', points: 2 }] },
};

type Case = [string, QuestionInput, Array<[string, string]>];

const problemsOf = (q: QuestionInput) => questionProblems(q).map((p) => [p.field, p.rule]);
const withOptions = (type: 'single' | 'multiple', options: QuestionInput['options']): QuestionInput => ({
  ...valid[type],
  options,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);

describe('questionProblems', () => {
  it.each(QUESTION_TYPES.map((t) => [t]))('accepts a valid %s question', (type) => {
    expect(questionProblems(valid[type])).toEqual([]);
  });

  it('accepts an essay without a rubric', () => {
    expect(questionProblems({ type: 'essay', stem: 'Tulis.' })).toEqual([]);
  });

  it('explains every problem it reports', () => {
    for (const p of questionProblems({ type: 'single', stem: ' ', points: 0, options: [{ text: '' }] })) {
      expect(p.message).toEqual(expect.any(String));
      expect(p.message.length).toBeGreaterThan(0);
    }
  });

  describe('common rules', () => {
    it.each<Case>([
      ['an empty stem', { ...valid.single, stem: '' }, [['stem', 'required']]],
      ['a blank stem', { ...valid.single, stem: '   ' }, [['stem', 'required']]],
      ['zero points', { ...valid.single, points: 0 }, [['points', 'range']]],
      ['negative points', { ...valid.single, points: -1 }, [['points', 'range']]],
      ['more than 100 points', { ...valid.single, points: 100.01 }, [['points', 'range']]],
      ['three decimals', { ...valid.single, points: 0.001 }, [['points', 'range']]],
      ['three decimals that round', { ...valid.single, points: 1.005 }, [['points', 'range']]],
      ['NaN points', { ...valid.single, points: NaN }, [['points', 'range']]],
      ['infinite points', { ...valid.single, points: Infinity }, [['points', 'range']]],
    ])('reports %s', (_, q, expected) => {
      expect(problemsOf(q)).toEqual(expected);
    });

    it.each([[0.01], [0.29], [0.57], [1], [1.15], [2.5], [33.33], [99.99], [100]])('accepts %p points', (points) => {
      expect(problemsOf({ ...valid.single, points })).toEqual([]);
    });
  });

  describe('choice questions', () => {
    it.each<Case>([
      ['a single option', withOptions('single', [{ text: 'A', correct: true }]), [['options', 'count']]],
      [
        'no options at all',
        { type: 'single', stem: 'Q' },
        [
          ['options', 'count'],
          ['options', 'one_correct'],
        ],
      ],
      [
        '21 options',
        withOptions(
          'single',
          many(21).map((text, i) => ({ text, correct: i === 0 })),
        ),
        [['options', 'count']],
      ],
      [
        'a blank option text',
        withOptions('single', [{ text: 'A', correct: true }, { text: '  ' }, { text: 'C' }]),
        [['options.1.text', 'required']],
      ],
      [
        'a missing option text',
        withOptions('single', [{ text: 'A', correct: true }, {} as { text: string }]),
        [['options.1.text', 'required']],
      ],
      [
        'no correct option in a single choice',
        withOptions('single', [{ text: 'A' }, { text: 'B' }]),
        [['options', 'one_correct']],
      ],
      [
        'two correct options in a single choice',
        withOptions('single', [
          { text: 'A', correct: true },
          { text: 'B', correct: true },
        ]),
        [['options', 'one_correct']],
      ],
      [
        'no correct option in a multiple choice',
        withOptions('multiple', [{ text: 'A' }, { text: 'B', correct: false }]),
        [['options', 'some_correct']],
      ],
      [
        'options that differ only in surrounding spaces',
        withOptions('single', [{ text: 'A', correct: true }, { text: ' A ' }]),
        [['options', 'unique']],
      ],
    ])('reports %s', (_, q, expected) => {
      expect(problemsOf(q)).toEqual(expected);
    });

    it('accepts a multiple choice where every option is correct', () => {
      const q = withOptions('multiple', [
        { text: 'A', correct: true },
        { text: 'B', correct: true },
      ]);
      expect(problemsOf(q)).toEqual([]);
    });

    it('accepts 20 options', () => {
      const q = withOptions(
        'multiple',
        many(20).map((text) => ({ text, correct: true })),
      );
      expect(problemsOf(q)).toEqual([]);
    });
  });

  describe('other types', () => {
    it.each<Case>([
      ['true/false without an answer', { type: 'true_false', stem: 'Q' }, [['correct', 'required']]],
      [
        'true/false with a text answer',
        { type: 'true_false', stem: 'Q', correct: 'true' as unknown as boolean },
        [['correct', 'required']],
      ],
      ['short answer without answers', { type: 'short', stem: 'Q' }, [['answers', 'required']]],
      ['short answer with an empty list', { type: 'short', stem: 'Q', answers: [] }, [['answers', 'required']]],
      [
        'short answer with a blank alternative',
        { type: 'short', stem: 'Q', answers: ['Bandung', '  '] },
        [['answers', 'required']],
      ],
      ['numeric without an answer', { type: 'numeric', stem: 'Q' }, [['answer', 'required']]],
      ['numeric with a NaN answer', { type: 'numeric', stem: 'Q', answer: NaN }, [['answer', 'required']]],
      ['numeric with an infinite answer', { type: 'numeric', stem: 'Q', answer: Infinity }, [['answer', 'required']]],
      [
        'numeric with a text answer',
        { type: 'numeric', stem: 'Q', answer: '3' as unknown as number },
        [['answer', 'required']],
      ],
      [
        'numeric with a negative tolerance',
        { type: 'numeric', stem: 'Q', answer: 1, tolerance: -0.1 },
        [['tolerance', 'min']],
      ],
      [
        'numeric with a NaN tolerance',
        { type: 'numeric', stem: 'Q', answer: 1, tolerance: NaN },
        [['tolerance', 'min']],
      ],
      [
        'matching with one pair',
        { type: 'matching', stem: 'Q', pairs: [{ prompt: 'A', match: '1' }] },
        [['pairs', 'count']],
      ],
      ['matching without pairs', { type: 'matching', stem: 'Q' }, [['pairs', 'count']]],
      [
        'matching with 21 pairs',
        { type: 'matching', stem: 'Q', pairs: many(21).map((p) => ({ prompt: p, match: p })) },
        [['pairs', 'count']],
      ],
      [
        'matching with a blank prompt',
        {
          type: 'matching',
          stem: 'Q',
          pairs: [
            { prompt: ' ', match: '1' },
            { prompt: 'B', match: '2' },
          ],
        },
        [['pairs.0', 'required']],
      ],
      [
        'matching with a blank match',
        {
          type: 'matching',
          stem: 'Q',
          pairs: [
            { prompt: 'A', match: '1' },
            { prompt: 'B', match: '' },
          ],
        },
        [['pairs.1', 'required']],
      ],
      [
        'matching with a missing prompt',
        {
          type: 'matching',
          stem: 'Q',
          pairs: [{ prompt: 'A', match: '1' }, { match: '2' } as { prompt: string; match: string }],
        },
        [['pairs.1', 'required']],
      ],
      [
        'matching with repeated prompts',
        {
          type: 'matching',
          stem: 'Q',
          pairs: [
            { prompt: 'A', match: '1' },
            { prompt: 'A ', match: '2' },
          ],
        },
        [['pairs', 'unique']],
      ],
      ['ordering with one item', { type: 'ordering', stem: 'Q', items: ['A'] }, [['items', 'count']]],
      ['ordering without items', { type: 'ordering', stem: 'Q' }, [['items', 'count']]],
      ['ordering with 21 items', { type: 'ordering', stem: 'Q', items: many(21) }, [['items', 'count']]],
      ['ordering with a blank item', { type: 'ordering', stem: 'Q', items: ['A', ' ', 'C'] }, [['items', 'required']]],
      [
        'ordering with a missing item',
        { type: 'ordering', stem: 'Q', items: ['A', null as unknown as string, 'C'] },
        [['items', 'required']],
      ],
      ['ordering with repeated items', { type: 'ordering', stem: 'Q', items: ['A', ' A'] }, [['items', 'unique']]],
      [
        'an essay criterion without text',
        { type: 'essay', stem: 'Q', rubric: [{ criterion: ' ', points: 1 }] },
        [['rubric.0.criterion', 'required']],
      ],
      [
        'an essay criterion worth nothing',
        { type: 'essay', stem: 'Q', rubric: [{ criterion: 'Isi', points: 0 }] },
        [['rubric.0.points', 'min']],
      ],
      [
        'an essay criterion with negative points',
        {
          type: 'essay',
          stem: 'Q',
          rubric: [
            { criterion: 'Isi', points: 1 },
            { criterion: 'Gaya', points: -1 },
          ],
        },
        [['rubric.1.points', 'min']],
      ],
    ])('reports %s', (_, q, expected) => {
      expect(problemsOf(q)).toEqual(expected);
    });

    it.each<[string, QuestionInput]>([
      ['true/false with true', { type: 'true_false', stem: 'Q', correct: true }],
      ['numeric with answer 0 and no tolerance', { type: 'numeric', stem: 'Q', answer: 0 }],
      ['numeric with a negative answer and tolerance 0', { type: 'numeric', stem: 'Q', answer: -2.5, tolerance: 0 }],
      [
        'matching where two prompts share a match',
        {
          type: 'matching',
          stem: 'Q',
          pairs: [
            { prompt: 'A', match: '1' },
            { prompt: 'B', match: '1' },
          ],
        },
      ],
      ['ordering with 20 items', { type: 'ordering', stem: 'Q', items: many(20) }],
    ])('accepts %s', (_, q) => {
      expect(problemsOf(q)).toEqual([]);
    });
  });

  it('reports several problems at once, each on its own field', () => {
    const q: QuestionInput = {
      type: 'single',
      stem: '',
      points: 0,
      options: [{ text: 'A' }, { text: '' }, { text: 'A' }],
    };
    expect(problemsOf(q)).toEqual([
      ['stem', 'required'],
      ['points', 'range'],
      ['options.1.text', 'required'],
      ['options', 'one_correct'],
      ['options', 'unique'],
    ]);
  });
});

describe('toStored and toInput', () => {
  it.each<[string, QuestionInput, QuestionInput]>([
    [
      'single',
      {
        type: 'single',
        stem: '  Ibu kota Indonesia?  ',
        points: 2,
        feedback: '  Lihat bab 1 ',
        options: [{ text: ' Jakarta ', correct: true, feedback: ' Benar ' }, { text: 'Bandung' }, { text: 'Surabaya' }],
      },
      {
        type: 'single',
        stem: 'Ibu kota Indonesia?',
        points: 2,
        feedback: 'Lihat bab 1',
        options: [
          { text: 'Jakarta', correct: true, feedback: 'Benar' },
          { text: 'Bandung', correct: false },
          { text: 'Surabaya', correct: false },
        ],
      },
    ],
    [
      'multiple (partial by default)',
      {
        type: 'multiple',
        stem: 'Bilangan prima?',
        options: [
          { text: '2', correct: true },
          { text: '3', correct: true },
          { text: '4', feedback: 'Genap, habis dibagi 2' },
        ],
      },
      {
        type: 'multiple',
        stem: 'Bilangan prima?',
        points: 1,
        feedback: null,
        options: [
          { text: '2', correct: true },
          { text: '3', correct: true },
          { text: '4', correct: false, feedback: 'Genap, habis dibagi 2' },
        ],
        scoring: 'partial',
      },
    ],
    [
      'multiple (all or nothing)',
      { ...valid.multiple, scoring: 'all_or_nothing' },
      {
        type: 'multiple',
        stem: 'Bilangan prima?',
        points: 1,
        feedback: null,
        options: [
          { text: '2', correct: true },
          { text: '3', correct: true },
          { text: '4', correct: false },
        ],
        scoring: 'all_or_nothing',
      },
    ],
    [
      'true_false',
      { type: 'true_false', stem: 'Bumi itu bulat.', correct: true, feedback: '   ' },
      { type: 'true_false', stem: 'Bumi itu bulat.', points: 1, feedback: null, correct: true },
    ],
    [
      'short',
      { type: 'short', stem: 'Kota?', answers: [' Bandung ', 'Kota Bandung'] },
      {
        type: 'short',
        stem: 'Kota?',
        points: 1,
        feedback: null,
        answers: ['Bandung', 'Kota Bandung'],
        caseSensitive: false,
      },
    ],
    [
      'short, case sensitive',
      { type: 'short', stem: 'Rumus air?', answers: ['H2O'], caseSensitive: true },
      { type: 'short', stem: 'Rumus air?', points: 1, feedback: null, answers: ['H2O'], caseSensitive: true },
    ],
    [
      'numeric without tolerance',
      { type: 'numeric', stem: 'Suhu?', answer: -2.5, points: 0.5 },
      { type: 'numeric', stem: 'Suhu?', points: 0.5, feedback: null, answer: -2.5, tolerance: 0 },
    ],
    [
      'numeric with tolerance',
      valid.numeric,
      { type: 'numeric', stem: 'Tujuh dibagi dua?', points: 1, feedback: null, answer: 3.5, tolerance: 0.01 },
    ],
    [
      'matching',
      {
        type: 'matching',
        stem: 'Pasangkan.',
        pairs: [
          { prompt: ' Jawa Barat ', match: ' Bandung ' },
          { prompt: 'Jawa Tengah', match: 'Semarang' },
          { prompt: 'Jawa Timur', match: 'Surabaya' },
        ],
      },
      {
        type: 'matching',
        stem: 'Pasangkan.',
        points: 1,
        feedback: null,
        pairs: [
          { prompt: 'Jawa Barat', match: 'Bandung' },
          { prompt: 'Jawa Tengah', match: 'Semarang' },
          { prompt: 'Jawa Timur', match: 'Surabaya' },
        ],
      },
    ],
    [
      'ordering',
      { type: 'ordering', stem: 'Urutkan.', items: [' Desa', 'Kecamatan ', 'Kabupaten'] },
      { type: 'ordering', stem: 'Urutkan.', points: 1, feedback: null, items: ['Desa', 'Kecamatan', 'Kabupaten'] },
    ],
    [
      'essay with a rubric',
      {
        type: 'essay',
        stem: 'Jelaskan.',
        points: 10,
        rubric: [
          { criterion: ' Kejelasan ', points: 4 },
          { criterion: 'Isi', points: 6 },
        ],
      },
      {
        type: 'essay',
        stem: 'Jelaskan.',
        points: 10,
        feedback: null,
        rubric: [
          { criterion: 'Kejelasan', points: 4 },
          { criterion: 'Isi', points: 6 },
        ],
      },
    ],
    [
      'essay without a rubric',
      { type: 'essay', stem: 'Jelaskan.' },
      { type: 'essay', stem: 'Jelaskan.', points: 1, feedback: null, rubric: [] },
    ],
  ])('round-trips a %s question to its normalised input', (_, input, normalised) => {
    expect(questionProblems(input)).toEqual([]);
    const stored = toStored(input);
    expect(toInput(stored)).toStrictEqual(normalised);
    // And once normalised, it is a fixed point.
    expect(toInput(toStored(normalised))).toStrictEqual(normalised);
  });

  it('keeps the competency and difficulty it is given, which are stored outside the question', () => {
    const back = toInput(toStored(valid.true_false), { competencyCode: 'K-01', difficulty: 'hard' });
    expect(back).toMatchObject({ competencyCode: 'K-01', difficulty: 'hard', correct: false });
  });

  it('gives choices short positional ids', () => {
    expect(toStored(valid.multiple).content).toEqual({
      type: 'multiple',
      options: [
        { id: 'a', text: '2' },
        { id: 'b', text: '3' },
        { id: 'c', text: '4' },
      ],
    });
    expect(toStored(valid.multiple).key).toEqual({
      type: 'multiple',
      correct: ['a', 'b'],
      scoring: 'partial',
      feedback: {},
    });
    expect(toStored(valid.single).key).toEqual({ type: 'single', correct: 'a', feedback: {} });
  });

  it('stores the learner-visible part of a matching question as prompts and choices', () => {
    expect(toStored(valid.matching).content).toEqual({
      type: 'matching',
      prompts: [
        { id: 'pa', text: 'Jawa Barat' },
        { id: 'pb', text: 'Jawa Tengah' },
      ],
      choices: [
        { id: 'ma', text: 'Bandung' },
        { id: 'mb', text: 'Semarang' },
      ],
    });
  });

  it('gives prompts that share a match one choice, so a learner right on both gets both marks', () => {
    const stored = toStored({
      type: 'matching',
      stem: 'Pasangkan',
      pairs: [
        { prompt: 'Kucing', match: 'Hewan' },
        { prompt: 'Anjing', match: ' Hewan ' },
        { prompt: 'Mawar', match: 'Tumbuhan' },
      ],
    });
    expect(stored.content).toMatchObject({
      choices: [
        { id: 'ma', text: 'Hewan' },
        { id: 'mb', text: 'Tumbuhan' },
      ],
    });
    expect(stored.key).toEqual({ type: 'matching', pairs: { pa: 'ma', pb: 'ma', pc: 'mb' } });
    expect(toInput(stored).pairs).toEqual([
      { prompt: 'Kucing', match: 'Hewan' },
      { prompt: 'Anjing', match: 'Hewan' },
      { prompt: 'Mawar', match: 'Tumbuhan' },
    ]);
  });

  // What must never be in `content` (the part a learner's browser receives).
  const secrets: Record<QuestionType, string[]> = {
    single: ['"correct"', '"feedback"', 'Benar sekali'],
    multiple: ['"correct"', '"feedback"', '"scoring"', 'Genap'],
    true_false: ['"correct"', ':false', ':true'],
    short: ['"answers"', 'Bandung'],
    numeric: ['"answer"', '"tolerance"', '3.5', '0.01'],
    matching: ['"pairs"'],
    ordering: ['"order"'],
    essay: ['"rubric"', 'Kejelasan'],
  };
  const withFeedback: Record<QuestionType, QuestionInput> = {
    ...valid,
    single: {
      ...valid.single,
      options: [{ text: 'Jakarta', correct: true, feedback: 'Benar sekali' }, { text: 'Bandung' }],
    },
    multiple: {
      ...valid.multiple,
      options: [...valid.multiple.options!.slice(0, 2), { text: '4', feedback: 'Genap' }],
    },
  };

  it.each(QUESTION_TYPES.map((t) => [t]))('keeps the key of a %s question out of its content', (type) => {
    const stored = toStored({ ...withFeedback[type], feedback: 'Umpan balik umum' });
    const content = JSON.stringify(stored.content);
    for (const secret of [...secrets[type], 'Umpan balik umum']) expect(content).not.toContain(secret);
    expect(stored.content.type).toBe(type);
    expect(stored.key.type).toBe(type);
  });
});

describe('normaliseText', () => {
  it.each([
    ['  Jakarta  ', false, 'jakarta'],
    ['Kota   Bandung', false, 'kota bandung'],
    ['Kota\t\nBandung', false, 'kota bandung'],
    ['Kota\u00a0Bandung', false, 'kota bandung'],
    ['ＪＡＫＡＲＴＡ', false, 'jakarta'],
    ['cafe\u0301', false, 'caf\u00e9'],
    ['INDONESIA', false, 'indonesia'],
    ['  H2O  ', true, 'H2O'],
    ['Kota   Bandung', true, 'Kota Bandung'],
  ])('normalises %j (case sensitive: %p) to %j', (value, caseSensitive, expected) => {
    expect(normaliseText(value, caseSensitive)).toBe(expected);
  });
});

describe('essay points from the rubric', () => {
  const rubric = [
    { criterion: 'Ketepatan isi', points: 4 },
    { criterion: 'Contoh dari tempat kerja', points: 2 },
  ];

  it("gives an essay with a rubric and no points the rubric's total", () => {
    expect(pointsOf({ type: 'essay', stem: 'Q', rubric })).toBe(6);
    expect(toStored({ type: 'essay', stem: 'Q', rubric }).points).toBe(6);
    expect(questionProblems({ type: 'essay', stem: 'Q', rubric })).toEqual([]);
  });

  it('adds a rubric without float tails', () => {
    expect(rubricTotal([{ points: 0.1 }, { points: 0.2 }])).toBe(0.3);
  });

  it('keeps 1 point for an essay without a rubric and for other types', () => {
    expect(pointsOf({ type: 'essay', stem: 'Q' })).toBe(1);
    expect(pointsOf({ type: 'essay', stem: 'Q', rubric: [] })).toBe(1);
    expect(pointsOf({ type: 'true_false', stem: 'Q', correct: true })).toBe(1);
  });

  it('accepts points equal to the rubric total', () => {
    expect(questionProblems({ type: 'essay', stem: 'Q', rubric, points: 6 })).toEqual([]);
  });

  it('refuses points that differ from the rubric total (the grader could not enter the criteria)', () => {
    expect(questionProblems({ type: 'essay', stem: 'Q', rubric, points: 1 })).toEqual([
      {
        field: 'points',
        rule: 'rubric_total',
        message: "points (1) must equal the rubric's total (6), or be left out to take that total",
      },
    ]);
  });

  it('refuses a rubric whose total is above 100 points', () => {
    const big = [
      { criterion: 'A', points: 60 },
      { criterion: 'B', points: 50 },
    ];
    expect(questionProblems({ type: 'essay', stem: 'Q', rubric: big }).map((p) => p.rule)).toEqual(['range']);
  });
});
