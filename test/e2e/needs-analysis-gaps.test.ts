import { Clock } from '../../libs/common';
import { createTestApp, givenRegions, givenUnit, TestApp } from '../../libs/testing';
import { GapService } from '../../src/modules/development-plans/needs/gap.service';
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

  it('gives a person without a position an empty table', async () => {
    const asn = await givenAsn(t, unitId, null);
    expect((await t.get(GapService).gapsOf(asn.user.id)).rows).toEqual([]);
  });
});
