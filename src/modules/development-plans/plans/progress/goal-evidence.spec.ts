import { goalEvidenceOf } from './goal-evidence';

const at = (iso: string) => new Date(iso);

describe('what a plan goal is measured by', () => {
  it('drops evidence earned up to the latest assessment day, and counts the assessment from its day', () => {
    const evidence = [
      { competencyCode: 'M.05', level: 3, earnedAt: at('2023-05-01T03:00:00Z') },
      // 23:30 WIB on the assessment day: still that day, so superseded.
      { competencyCode: 'M.05', level: 4, earnedAt: at('2026-03-10T16:30:00Z') },
      { competencyCode: 'M.05', level: 4, earnedAt: at('2026-03-11T01:00:00Z') },
      { competencyCode: 'M.01', level: 2, earnedAt: at('2022-01-01T01:00:00Z') },
    ];
    const assessments = [
      { competencyCode: 'M.05', level: 1, assessedOn: '2025-01-01', createdAt: at('2025-01-02T00:00:00Z') },
      { competencyCode: 'M.05', level: 2, assessedOn: '2026-03-10', createdAt: at('2026-03-12T00:00:00Z') },
    ];
    expect(goalEvidenceOf(evidence, assessments)).toEqual([
      { competencyCode: 'M.05', level: 4, earnedAt: at('2026-03-11T01:00:00Z') },
      { competencyCode: 'M.01', level: 2, earnedAt: at('2022-01-01T01:00:00Z') },
      { competencyCode: 'M.05', level: 2, earnedAt: at('2026-03-09T17:00:00Z') },
    ]);
  });
});
