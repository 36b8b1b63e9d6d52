import { Clock } from '../../libs/common';
import { asUser, createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';

type Body = Record<string, unknown>;
const peopleOf = (body: Body) => (body.jp as { people: number }).people;
const breadcrumbOf = (body: Body) => JSON.stringify((body.node as Body).breadcrumb);

/**
 * The overview, opened by many admins at once, is served from memory for
 * MONITORING_CACHE_SECONDS after the caller's scope is checked: a new ASN shows once the
 * time is up, never for a caller outside the node, and each caller keeps their own breadcrumb.
 */
describe('monitoring overview cache', () => {
  let t: TestApp;
  let now: Date;
  let unitId: string;
  let national: GivenUser;
  let banten: GivenUser;
  let medan: GivenUser;

  beforeAll(async () => {
    t = await createTestApp({ MONITORING_CACHE_SECONDS: '60' });
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    national = await givenUser(t, { role: 'national_admin' });
    banten = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId });
    medan = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
    await givenUser(t, { unitId });
    await t.drain();
    now = new Date();
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const overview = async (who: GivenUser, node: string) => {
    const res = await asUser(t, who).get(`/api/monitoring/overview?node=${node}`);
    expect(res.status).toBe(200);
    return res.body as Body;
  };

  it('serves the same figures until the time is up, then the new ones', async () => {
    const first = await overview(national, '36.74');
    const before = peopleOf(first);
    expect(before).toBeGreaterThan(0);

    await givenUser(t, { unitId });
    await t.drain();
    now = new Date(now.getTime() + 59_000);
    expect(peopleOf(await overview(national, '36.74'))).toBe(before);

    now = new Date(now.getTime() + 2_000);
    expect(peopleOf(await overview(national, '36.74'))).toBe(before + 1);
  });

  it('checks the scope before the cache, and keeps each caller their own breadcrumb', async () => {
    const fromNation = await overview(national, '36.74');
    const fromBanten = await overview(banten, '36.74');
    expect(peopleOf(fromBanten)).toBe(peopleOf(fromNation));
    expect(breadcrumbOf(fromBanten)).not.toBe(breadcrumbOf(fromNation));
    expect((await asUser(t, medan).get('/api/monitoring/overview?node=36.74')).status).toBe(404);
  });
});
