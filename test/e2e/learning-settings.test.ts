import { browserAgent, createTestApp, givenUser, GivenUser, signInThroughPages, TestApp } from '../../libs/testing';

describe('JP settings', () => {
  let t: TestApp;
  let national: GivenUser;
  let learner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    national = await givenUser(t, { role: 'national_admin' });
    learner = await givenUser(t);
  });
  afterAll(() => t.close());

  it('start at 45 minutes per JP and 20 JP a year for PNS, with no PPPK target', async () => {
    const res = await t.http().get('/api/learning/settings').set('authorization', learner.auth);
    expect(res.body).toEqual({ minutesPerJp: 45, targets: [{ employeeType: 'PNS', year: 0, targetJp: 20 }] });
  });

  it('are changed by the national admin only: minutes per JP, a default and a year-specific target', async () => {
    const body = {
      minutesPerJp: 50,
      targets: [
        { employeeType: 'PPPK', targetJp: 12 },
        { employeeType: 'PNS', year: 2099, targetJp: 24 },
      ],
    };
    expect((await t.http().put('/api/learning/settings').set('authorization', learner.auth).send(body)).status).toBe(
      403,
    );
    const res = await t.http().put('/api/learning/settings').set('authorization', national.auth).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      minutesPerJp: 50,
      targets: [
        { employeeType: 'PNS', year: 0, targetJp: 20 },
        { employeeType: 'PNS', year: 2099, targetJp: 24 },
        { employeeType: 'PPPK', year: 0, targetJp: 12 },
      ],
    });
    const again = await t
      .http()
      .put('/api/learning/settings')
      .set('authorization', national.auth)
      .send({ targets: [{ employeeType: 'PPPK', targetJp: 15 }] });
    expect(again.body.targets).toContainEqual({ employeeType: 'PPPK', year: 0, targetJp: 15 });
    expect(again.body.minutesPerJp).toBe(50);
  });

  it('refuses out-of-range values naming the field', async () => {
    const res = await t
      .http()
      .put('/api/learning/settings')
      .set('authorization', national.auth)
      .send({ minutesPerJp: 5, targets: [{ employeeType: 'Honorer', targetJp: -1 }] });
    expect(res.status).toBe(400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['minutesPerJp', 'targets.0.employeeType', 'targets.0.targetJp']));
  });

  it("shows a learner this year's target on the home page", async () => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, learner.username, learner.password);
    const home = await agent.get('/beranda');
    expect(home.text).toContain('0 dari 20 JP');
    expect(home.text).toContain('Kurang 20 JP lagi.');
  });
});
