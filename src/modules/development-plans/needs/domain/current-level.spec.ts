import { currentLevelOf, LevelAssessment, LevelEvidence } from './current-level';

const course = (level: number, day: string): LevelEvidence => ({
  level,
  source: 'course',
  earnedAt: new Date(`${day}T03:00:00Z`),
});
const external = (level: number, day: string): LevelEvidence => ({ ...course(level, day), source: 'external' });
const assessed = (level: number, assessedOn: string, recordedAt = `${assessedOn}T08:00:00Z`): LevelAssessment => ({
  level,
  assessedOn,
  recordedAt: new Date(recordedAt),
});

describe('the current level of a competency', () => {
  it.each([
    ['nothing at all is level 0 without a source', [], [], null, 0, null],
    ['the highest evidence counts', [course(2, '2025-01-01'), external(3, '2024-05-01')], [], null, 3, 'external'],
    [
      'a later assessment outweighs older, higher evidence',
      [course(4, '2024-01-01')],
      [assessed(2, '2025-03-01')],
      null,
      2,
      'assessment',
    ],
    [
      'evidence from 00:00 WIB on the day after the assessment counts (still the same day in UTC)',
      [{ level: 4, source: 'course' as const, earnedAt: new Date('2025-03-01T17:30:00Z') }],
      [assessed(2, '2025-03-01')],
      null,
      4,
      'course',
    ],
    [
      'evidence on the assessment day is already in the assessment',
      [course(4, '2025-03-01')],
      [assessed(2, '2025-03-01')],
      null,
      2,
      'assessment',
    ],
    [
      'evidence after the assessment raises the level',
      [course(3, '2025-03-02')],
      [assessed(2, '2025-03-01')],
      null,
      3,
      'course',
    ],
    [
      'evidence after the assessment never lowers it',
      [course(1, '2025-06-01')],
      [assessed(2, '2025-03-01')],
      null,
      2,
      'assessment',
    ],
    [
      'the latest assessment wins, even when lower',
      [],
      [assessed(4, '2024-01-01'), assessed(2, '2025-01-01')],
      null,
      2,
      'assessment',
    ],
    [
      'two assessments on one day: the later recorded wins',
      [],
      [assessed(3, '2025-01-01', '2025-01-01T09:00:00Z'), assessed(2, '2025-01-01', '2025-01-01T08:00:00Z')],
      null,
      3,
      'assessment',
    ],
    ['a self-assessment counts when there is nothing else', [], [], 3, 3, 'self'],
    ['a self-assessment never outweighs evidence', [course(1, '2025-01-01')], [], 4, 1, 'course'],
    ['a self-assessment never outweighs an assessment', [], [assessed(1, '2025-01-01')], 4, 1, 'assessment'],
  ] as const)('%s', (_, evidence, assessments, self, level, source) => {
    expect(currentLevelOf([...evidence], [...assessments], self)).toEqual({ level, source });
  });
});
