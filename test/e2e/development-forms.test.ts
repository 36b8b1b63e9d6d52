import { createTestApp, givenUser, GivenUser, TestApp } from '../../libs/testing';

describe('forms of development and their JP conversion', () => {
  let t: TestApp;
  let national: GivenUser;
  let learner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    national = await givenUser(t, { role: 'national_admin' });
    learner = await givenUser(t);
  });
  afterAll(() => t.close());

  const calculate = (body: object) =>
    t.http().post('/api/learning/jp-calculation').set('authorization', learner.auth).send(body);

  it('lists the classical and non-classical forms of Peraturan LAN 10/2018', async () => {
    const res = await t.http().get('/api/learning/development-forms').set('authorization', learner.auth);
    const codes = res.body.map((f: { code: string }) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'seminar',
        'workshop',
        'pelatihan_teknis',
        'coaching',
        'mentoring',
        'e_learning',
        'magang',
      ]),
    );
    expect(res.body.find((f: { code: string }) => f.code === 'seminar')).toMatchObject({
      category: 'klasikal',
      rule: 'per_day',
      jpPerDay: 4,
      jpPerDayInternational: 6,
    });
  });

  it.each([
    [{ formCode: 'seminar', days: 2, international: false }, 8],
    [{ formCode: 'seminar', days: 2, international: true }, 12],
    [{ formCode: 'workshop', days: 3, international: false }, 15],
    [{ formCode: 'pelatihan_teknis', programmeJp: 40, international: true }, 48],
    [{ formCode: 'mentoring', programmeJp: 6, international: false }, 6],
  ])('computes %j as %p JP', async (body, jp) => {
    const res = await calculate(body);
    expect(res.status).toBe(200);
    expect(res.body.jp).toBe(jp);
  });

  it('says what is missing, and 404 for an unknown form', async () => {
    const missing = await calculate({ formCode: 'seminar', programmeJp: 8, international: false });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields).toEqual([expect.objectContaining({ field: 'days', rule: 'required' })]);
    expect((await calculate({ formCode: 'tidak_ada', days: 1, international: false })).status).toBe(404);
  });

  it('lets the national admin change the table, and the next calculation follows it', async () => {
    const change = {
      name: 'Seminar / konferensi',
      rule: 'per_day',
      jpPerDay: 3,
      jpPerDayInternational: 5,
      internationalBonusPercent: 0,
    };
    expect(
      (await t.http().put('/api/learning/development-forms/seminar').set('authorization', learner.auth).send(change))
        .status,
    ).toBe(403);
    const res = await t
      .http()
      .put('/api/learning/development-forms/seminar')
      .set('authorization', national.auth)
      .send(change);
    expect(res.status).toBe(200);
    expect((await calculate({ formCode: 'seminar', days: 2, international: false })).body.jp).toBe(6);
    const incomplete = await t
      .http()
      .put('/api/learning/development-forms/workshop')
      .set('authorization', national.auth)
      .send({ name: 'Workshop', rule: 'per_day', internationalBonusPercent: 0 });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['jpPerDay', 'jpPerDayInternational']),
    );
  });
});
