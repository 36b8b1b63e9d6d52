import { asUser, createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { NeedsRun } from '../../src/modules/development-plans/needs/entities';

const API = '/api/development-plans/needs';

/** "When was this population last analysed": the newest finished run covering it, however busy the country. */
describe('needs analysis: the agency view’s date of analysis', () => {
  let t: TestApp;
  let admin: GivenUser;
  let unitA: { id: string };
  let unitB: { id: string };

  const run = (regionCode: string, unitId: string | null, finishedAt: string, status: 'done' | 'failed' = 'done') => ({
    id: crypto.randomUUID(),
    regionCode,
    unitId,
    status,
    processed: 1,
    gapRows: 0,
    afterId: null,
    error: null,
    requestedBy: admin.user.id,
    createdAt: new Date(finishedAt),
    startedAt: new Date(finishedAt),
    finishedAt: new Date(finishedAt),
  });

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitA = await givenUnit(t, '36.74');
    unitB = await givenUnit(t, '36.74');
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unitA.id });
    const runs = t.dataSource.getRepository(NeedsRun);
    await runs.insert([
      run('36', null, '2026-03-01T01:00:00Z'), // the province: covers Tangerang Selatan
      run('36.71', null, '2026-03-01T05:00:00Z'), // a sibling kota: does not
      run('36.74', unitB.id, '2026-03-01T06:00:00Z'), // one unit: covers that unit only
      run('36.74', null, '2026-03-01T07:00:00Z', 'failed'), // never finished
    ]);
    // Busy elsewhere: more than two hundred finished runs since.
    const medan = Array.from({ length: 210 }, (_, i) =>
      run('12.71', null, new Date(Date.parse('2026-03-02T00:00:00Z') + i * 60_000).toISOString()),
    );
    for (let i = 0; i < medan.length; i += 50) await runs.insert(medan.slice(i, i + 50));
  });
  afterAll(() => t.close());

  const analysedAt = async (query = '') => {
    const res = await asUser(t, admin).get(`${API}/agency${query}`);
    expect(res.status).toBe(200);
    return res.body.analysedAt;
  };

  it('finds the province’s run for the region, however many runs finished elsewhere since', async () => {
    expect(await analysedAt()).toBe('2026-03-01T01:00:00.000Z');
  });

  it('takes a unit’s own run for that unit, and the region’s run for another unit', async () => {
    expect(await analysedAt(`?unitId=${unitB.id}`)).toBe('2026-03-01T06:00:00.000Z');
    expect(await analysedAt(`?unitId=${unitA.id}`)).toBe('2026-03-01T01:00:00.000Z');
  });
});
