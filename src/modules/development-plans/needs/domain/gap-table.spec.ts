import { GapInputs, gapTable, skpOfLastYear } from './gap-table';

const at = (day: string) => new Date(`${day}T03:00:00Z`);

function inputs(overrides: Partial<GapInputs> = {}): GapInputs {
  return {
    standard: [
      { competencyCode: 'M.01', requiredLevel: 3 },
      { competencyCode: 'M.02', requiredLevel: 2 },
      { competencyCode: 'T.01', requiredLevel: 4 },
    ],
    targetStandard: null,
    evidence: new Map([
      ['M.01', [{ level: 1, source: 'course' as const, earnedAt: at('2025-02-01') }]],
      ['M.02', [{ level: 3, source: 'external' as const, earnedAt: at('2025-02-01') }]],
    ]),
    assessments: new Map(),
    selfAssessed: new Map(),
    skp: null,
    requested: new Set(),
    risingComplaints: new Set(),
    dictionary: new Map([
      ['M.01', { name: 'Integritas', pillar: 'manajerial' }],
      ['M.02', { name: 'Kerjasama', pillar: 'manajerial' }],
    ]),
    ...overrides,
  };
}

const brief = (rows: ReturnType<typeof gapTable>) =>
  rows.map((r) => [
    r.competencyCode,
    r.requiredLevel,
    r.targetRequiredLevel,
    r.currentLevel,
    r.gap,
    r.targetGap,
    r.priority,
  ]);

describe('a person’s gap table', () => {
  it.each([
    [
      'gaps against the current standard, most urgent first',
      {},
      [
        ['T.01', 4, null, 0, 4, null, 'high'],
        ['M.01', 3, null, 1, 2, null, 'medium'],
        ['M.02', 2, null, 3, 0, null, 'low'],
      ],
    ],
    [
      'a target position adds its competencies and target gaps',
      {
        targetStandard: [
          { competencyCode: 'M.01', requiredLevel: 4 },
          { competencyCode: 'M.05', requiredLevel: 2 },
        ],
      },
      [
        ['T.01', 4, null, 0, 4, null, 'high'],
        ['M.01', 3, 4, 1, 2, 3, 'medium'],
        ['M.05', null, 2, 0, 0, 2, 'low'],
        ['M.02', 2, null, 3, 0, null, 'low'],
      ],
    ],
    [
      'a weak SKP raises every gap one step',
      { skp: 'butuh_perbaikan' as const },
      [
        ['T.01', 4, null, 0, 4, null, 'high'],
        ['M.01', 3, null, 1, 2, null, 'high'],
        ['M.02', 2, null, 3, 0, null, 'low'],
      ],
    ],
    [
      'a good SKP changes nothing',
      { skp: 'baik' as const },
      [
        ['T.01', 4, null, 0, 4, null, 'high'],
        ['M.01', 3, null, 1, 2, null, 'medium'],
        ['M.02', 2, null, 3, 0, null, 'low'],
      ],
    ],
    [
      'a request and rising complaints each raise their competency',
      {
        standard: [
          { competencyCode: 'M.01', requiredLevel: 2 },
          { competencyCode: 'M.02', requiredLevel: 4 },
        ],
        requested: new Set(['M.01']),
        risingComplaints: new Set(['M.02']),
      },
      [
        ['M.01', 2, null, 1, 1, null, 'medium'],
        ['M.02', 4, null, 3, 1, null, 'medium'],
      ],
    ],
    [
      'a self-assessment fills in where there is no evidence',
      {
        selfAssessed: new Map([
          ['T.01', 3],
          ['M.01', 3],
        ]),
      },
      [
        ['M.01', 3, null, 1, 2, null, 'medium'],
        ['T.01', 4, null, 3, 1, null, 'low'],
        ['M.02', 2, null, 3, 0, null, 'low'],
      ],
    ],
    ['no position, no target: nothing to compare', { standard: [] }, []],
  ])('%s', (_, overrides, expected) => {
    expect(brief(gapTable(inputs(overrides as Partial<GapInputs>)))).toEqual(expected);
  });

  it('names each row from the dictionary and says where the level comes from', () => {
    const rows = gapTable(inputs({ selfAssessed: new Map([['T.01', 2]]), requested: new Set(['T.01']) }));
    expect(rows.find((r) => r.competencyCode === 'M.01')).toMatchObject({
      competencyName: 'Integritas',
      pillar: 'manajerial',
      currentSource: 'course',
      requested: false,
    });
    expect(rows.find((r) => r.competencyCode === 'T.01')).toMatchObject({
      competencyName: 'T.01',
      currentSource: 'self',
      requested: true,
    });
  });
});

describe('the SKP rating that counts', () => {
  it.each([
    ['none imported', [], 2026, null],
    ['last year’s', [{ year: 2025, rating: 'kurang' }], 2026, { year: 2025, rating: 'kurang' }],
    [
      'this year’s once imported',
      [
        { year: 2025, rating: 'kurang' },
        { year: 2026, rating: 'baik' },
      ],
      2026,
      { year: 2026, rating: 'baik' },
    ],
    ['not two years back', [{ year: 2024, rating: 'sangat_kurang' }], 2026, null],
  ] as const)('%s', (_, ratings, year, expected) => {
    expect(skpOfLastYear([...ratings], year)).toEqual(expected);
  });
});
