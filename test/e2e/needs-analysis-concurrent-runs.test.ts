import {
  asUser,
  createTestApp,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
  usesMysql,
} from '../../libs/testing';
import { OutboxService } from '../../libs/queue';
import { NeedsGap, NeedsRun } from '../../src/modules/development-plans/needs/entities';
import { givenAsn, givenPosition } from './needs-analysis.fixtures';

const API = '/api/development-plans/needs';

/**
 * Two admins start an analysis of overlapping regions at the same moment. Each start holds
 * its transaction open at the enqueue until the other has got that far too (or 500 ms have
 * passed): without a serialised check both read "nothing running" and both runs are queued.
 */
describe(`needs analysis: two runs started at once (${usesMysql() ? 'MySQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let cityAdmin: GivenUser;
  let provinceAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let people: Array<Awaited<ReturnType<typeof givenAsn>>>;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '36.74');
    cityAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id, withNip: false });
    provinceAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId: unit.id, withNip: false });
    const medanUnit = await givenUnit(t, '12.71');
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: medanUnit.id,
      withNip: false,
    });
    const position = await givenPosition(t, { 'M.01': 3, 'M.05': 2 });
    people = [];
    for (let i = 0; i < 3; i++) people.push(await givenAsn(t, unit.id, position));
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  function holdEnqueuesUntilBoth(): void {
    const outbox = t.get(OutboxService);
    const enqueue = outbox.enqueue.bind(outbox);
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(outbox, 'enqueue').mockImplementation(async (...args: Parameters<OutboxService['enqueue']>) => {
      if (args[1] === 'development-plans.needs-run') {
        if (++arrived === 2) release();
        await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 500))]);
      }
      return enqueue(...args);
    });
  }

  it('queues one of them, answers the other with 409, and leaves every person’s gap rows from that run', async () => {
    holdEnqueuesUntilBoth();
    const [a, b] = await Promise.all([
      asUser(t, cityAdmin).post(`${API}/runs`, {}),
      asUser(t, provinceAdmin).post(`${API}/runs`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const [started, refused] = a.status === 202 ? [a, b] : [b, a];
    expect(refused.body.code).toBe('PLANS.NEEDS_RUN_IN_PROGRESS');
    expect(refused.body.details.runId).toBe(started.body.id);
    jest.restoreAllMocks();

    await t.drain();
    const runs = await t.dataSource.getRepository(NeedsRun).find();
    expect(runs.map((r) => [r.id, r.status, r.processed])).toEqual([[started.body.id, 'done', 3]]);
    const rows = await t.dataSource.getRepository(NeedsGap).find();
    expect(rows.map((r) => [r.userId, r.competencyCode, r.gap, r.runId]).sort()).toEqual(
      people
        .flatMap((p) => [
          [p.user.id, 'M.01', 3, started.body.id],
          [p.user.id, 'M.05', 2, started.body.id],
        ])
        .sort(),
    );

    // Once it has finished, the next one starts.
    expect((await asUser(t, provinceAdmin).post(`${API}/runs`, {})).status).toBe(202);
    await t.drain();
  });

  it('queues both when their regions do not overlap', async () => {
    holdEnqueuesUntilBoth();
    const [a, b] = await Promise.all([
      asUser(t, cityAdmin).post(`${API}/runs`, {}),
      asUser(t, medanAdmin).post(`${API}/runs`, {}),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect([a.body.regionCode, b.body.regionCode]).toEqual(['36.74', '12.71']);
    jest.restoreAllMocks();
    await t.drain();
    const runs = await t.dataSource.getRepository(NeedsRun).findBy({ status: 'done' });
    expect(runs.map((r) => r.id)).toEqual(expect.arrayContaining([a.body.id, b.body.id]));
  });
});
