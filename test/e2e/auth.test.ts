import { createTestApp, givenRegions, givenUnit, givenUser, TestApp } from '../../libs/testing';

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    await givenRegions(t);
  });
  afterAll(() => t.close());

  it('gives a bearer token for the right NIP and password, which opens /api/me', async () => {
    const unit = await givenUnit(t, '36.74');
    const person = await givenUser(t, { unitId: unit.id });
    const nipWithSpaces = person.user.nipDisplay!;
    const res = await t.http().post('/api/auth/login').send({ username: nipWithSpaces, password: person.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { id: person.user.id, role: 'learner' } });
    const me = await t.http().get('/api/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: person.user.id, regionCode: '36.74' });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password with 401 in the one error shape', async () => {
    const person = await givenUser(t);
    const res = await t.http().post('/api/auth/login').send({ username: person.username, password: 'salah-sekali' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'IDENTITY.INVALID_CREDENTIALS',
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });
});
