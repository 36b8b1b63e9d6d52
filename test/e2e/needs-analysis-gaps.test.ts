import { Clock } from '../../libs/common';
import { createTestApp, givenRegions, givenUnit, TestApp } from '../../libs/testing';
import { GapService } from '../../src/modules/development-plans/needs/gap.service';
import { NeedsSignals } from '../../src/modules/development-plans/needs-signals/needs-signals.service';
import { givenAsn, givenEvidence, givenPosition } from './needs-analysis.fixtures';

describe('needs analysis: a person’s competency gaps', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T02:00:00Z'));
  });
  afterAll(() => t.close());

  it('computes required minus current from the evidence, never negative, most urgent first', async () => {
    const positionId = await givenPosition(t, { 'M.01': 3, 'M.02': 2, 'M.05': 4 });
    const asn = await givenAsn(t, unitId, positionId);
    await givenEvidence(t, asn.user.id, { 'M.01': 1, 'M.02': 3 });

    const gaps = await t.get(GapService).gapsOf(asn.user.id);

    expect(gaps).toMatchObject({ userId: asn.user.id, positionId, targetPositionId: null, skpRating: null });
    expect(gaps.rows.map((r) => [r.competencyCode, r.requiredLevel, r.currentLevel, r.gap, r.priority])).toEqual([
      ['M.05', 4, 0, 4, 'high'],
      ['M.01', 3, 1, 2, 'medium'],
      ['M.02', 2, 3, 0, 'low'],
    ]);
    expect(gaps.rows[1]).toMatchObject({
      competencyName: 'Integritas',
      pillar: 'manajerial',
      currentSource: 'external',
    });
  });

  it('weighs the needs signals: a self-assessment fills in, a request and rising complaints raise priority', async () => {
    const positionId = await givenPosition(t, { 'M.01': 1, 'M.02': 2, 'M.03': 2 });
    const asn = await givenAsn(t, unitId, positionId);
    const signals = t.get(NeedsSignals);
    const spies = [
      jest.spyOn(signals, 'selfAssessedLevels').mockResolvedValue(new Map([[asn.user.id, new Map([['M.03', 1]])]])),
      jest.spyOn(signals, 'requestedCompetencies').mockResolvedValue(new Map([[asn.user.id, new Set(['M.02'])]])),
      jest.spyOn(signals, 'complaintPriorities').mockResolvedValue(new Map([[unitId, new Set(['M.01'])]])),
    ];
    try {
      const gaps = await t.get(GapService).gapsOf(asn.user.id);
      // M.02 gap 2: medium, requested → high; M.01 gap 1: low, rising complaints → medium; M.03 self 1: gap 1, low.
      expect(
        gaps.rows.map((r) => [r.competencyCode, r.currentLevel, r.currentSource, r.gap, r.priority, r.requested]),
      ).toEqual([
        ['M.02', 0, null, 2, 'high', true],
        ['M.01', 0, null, 1, 'medium', false],
        ['M.03', 1, 'self', 1, 'low', false],
      ]);
      expect(spies[2]).toHaveBeenCalledWith([unitId], new Date('2026-03-01T02:00:00Z'));
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });

  it('gives a person without a position an empty table', async () => {
    const asn = await givenAsn(t, unitId, null);
    expect((await t.get(GapService).gapsOf(asn.user.id)).rows).toEqual([]);
  });
});
