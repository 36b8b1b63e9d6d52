import { Clock } from '../../libs/common';
import { asUser, createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { RecordsRegion } from '../../src/modules/development-plans/needs/records/records-region';
import { givenAsn, givenPosition } from './needs-analysis.fixtures';

const API = '/api/development-plans/needs';

/** Assessments and SKP ratings belong with the person: when they move, the new region's admin keeps them. */
describe('needs analysis: the records of an ASN who moves to another region', () => {
  let t: TestApp;
  let medanUnit: string;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let national: GivenUser;
  let mover: Awaited<ReturnType<typeof givenAsn>>;
  let stayer: Awaited<ReturnType<typeof givenAsn>>;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T02:00:00Z'));
    const tangselUnit = (await givenUnit(t, '36.74')).id;
    medanUnit = (await givenUnit(t, '12.71')).id;
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangselUnit });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnit });
    national = await givenUser(t, { role: 'national_admin' });
    const position = await givenPosition(t, { 'M.01': 3 });
    mover = await givenAsn(t, tangselUnit, position);
    stayer = await givenAsn(t, tangselUnit, position);

    for (const [who, assessedOn] of [
      [mover, '2026-02-10'],
      [stayer, '2026-02-11'],
    ] as const) {
      const res = await asUser(t, tangselAdmin).post(`${API}/assessments`, {
        nip: who.nip,
        competencyCode: 'M.01',
        level: 2,
        assessedOn,
        source: 'supervisor',
      });
      expect(res.status).toBe(201);
    }
    const skp = await t
      .http()
      .post(`${API}/skp-imports`)
      .set('authorization', tangselAdmin.auth)
      .attach(
        'file',
        Buffer.from(`NIP,Tahun,Predikat\n${mover.nip},2025,Baik\n${stayer.nip},2025,Kurang\n`),
        'skp.csv',
      );
    expect(skp.status).toBe(201);

    const moved = await t
      .http()
      .patch(`/api/users/${mover.user.id}`)
      .set('authorization', national.auth)
      .send({ unitId: medanUnit });
    expect(moved.status).toBe(200);
    // The move queued a job that takes their records along (the lists read each record's region).
    await t.drain();
  });
  afterAll(() => t.close());

  const names = async (who: GivenUser, path: string) => {
    const res = await asUser(t, who).get(`${API}/${path}`);
    expect(res.status).toBe(200);
    return [res.body.total, res.body.items.map((i: { name: string }) => i.name)];
  };

  it('lists their assessments for the new region’s admin and no longer for the old one', async () => {
    expect(await names(medanAdmin, 'assessments')).toEqual([1, [mover.user.name]]);
    expect(await names(tangselAdmin, 'assessments')).toEqual([1, [stayer.user.name]]);
    expect(await names(national, 'assessments')).toEqual([2, [stayer.user.name, mover.user.name]]);
    expect((await asUser(t, tangselAdmin).get(`${API}/assessments?nip=${mover.nip}`)).status).toBe(404);
    expect(await names(medanAdmin, `assessments?nip=${mover.nip}`)).toEqual([1, [mover.user.name]]);
  });

  it('lists their SKP ratings for the new region’s admin and no longer for the old one', async () => {
    expect(await names(medanAdmin, 'skp-ratings?year=2025')).toEqual([1, [mover.user.name]]);
    expect(await names(tangselAdmin, 'skp-ratings?year=2025')).toEqual([1, [stayer.user.name]]);
    expect((await names(national, 'skp-ratings?year=2025'))[0]).toBe(2);
  });

  it('keeps records written after the move with the new region, and following the people again changes nothing', async () => {
    const later = await asUser(t, medanAdmin).post(`${API}/assessments`, {
      nip: mover.nip,
      competencyCode: 'M.01',
      level: 3,
      assessedOn: '2026-02-25',
      source: 'supervisor',
    });
    expect(later.status).toBe(201);
    await t.get(RecordsRegion).follow([mover.user.id, stayer.user.id]);
    expect(await names(medanAdmin, 'assessments')).toEqual([2, [mover.user.name, mover.user.name]]);
    expect(await names(tangselAdmin, 'assessments')).toEqual([1, [stayer.user.name]]);
    expect((await asUser(t, medanAdmin).del(`${API}/assessments/${later.body.id}`)).status).toBe(204);
  });

  it('pages the region’s list in its order', async () => {
    const back = await asUser(t, tangselAdmin).post(`${API}/assessments`, {
      nip: stayer.nip,
      competencyCode: 'M.01',
      level: 3,
      assessedOn: '2026-02-20',
      source: 'assessment_centre',
    });
    expect(back.status).toBe(201);
    const first = await asUser(t, tangselAdmin).get(`${API}/assessments?pageSize=1`);
    const second = await asUser(t, tangselAdmin).get(`${API}/assessments?pageSize=1&page=2`);
    expect([first.body.total, first.body.items[0].assessedOn, second.body.items[0].assessedOn]).toEqual([
      2,
      '2026-02-20',
      '2026-02-11',
    ]);
  });
});
