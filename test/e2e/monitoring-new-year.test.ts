import { Clock } from '../../libs/common';
import { createTestApp, givenRegions, givenUnit, givenUser, TestApp } from '../../libs/testing';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { MonitoringDailyJob } from '../../src/modules/monitoring/jobs/daily.job';
import { RefreshJob } from '../../src/modules/monitoring/jobs/refresh.job';

/** The walk that starts a year's JP rollups with every ASN at 0 JP. */
describe('monitoring: the new year starts with everyone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
  });
  afterAll(() => t.close());

  const leaves = async (year: number) =>
    Number(
      (
        (await t.dataSource.query('SELECT COUNT(*) AS n FROM mon_jp_person WHERE year = ?', [year])) as Array<{
          n: number | string;
        }>
      )[0].n,
    );

  it('walks everyone even when a few leaves of the year came first (a worker down over 1 January)', async () => {
    const unitId = (await givenUnit(t, '36.74')).id;
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await givenUser(t, { unitId }));
    await t.drain();
    const asn = await leaves(2026);
    expect(asn).toBeGreaterThanOrEqual(4);

    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2027-01-02T03:00:00Z'));
    // A credit of 2 January was refreshed before the day's job ran: one leaf of 2027 exists.
    await t.get(RefreshJob).handle({ leaf: 'jp', keys: [{ userId: people[0].user.id, year: 2027 }] });
    expect(await leaves(2027)).toBe(1);

    await t.get(MonitoringDailyJob).handle({ day: '2027-01-02' });
    await t.drain();
    expect(await leaves(2027)).toBe(asn);
    // Walked once: the next day finds the year started and reads nobody.
    const walk = jest.spyOn(t.get(IdentityApi), 'asnPage');
    await t.get(MonitoringDailyJob).handle({ day: '2027-01-03' });
    expect(walk).not.toHaveBeenCalled();
  });
});
