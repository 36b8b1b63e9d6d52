import { Clock } from '../../libs/common';
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

describe('sign-in rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000',
      LOGIN_WINDOW_SECONDS: '900',
    });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After after three wrong passwords for one account, even with the right one', async () => {
    const person = await givenUser(t);
    for (let i = 0; i < 3; i++) {
      const res = await t.http().post('/api/auth/login').send({ username: person.username, password: 'salah' });
      expect(res.status).toBe(401);
    }
    const blocked = await t
      .http()
      .post('/api/auth/login')
      .send({ username: person.username, password: person.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('COMMON.RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
  });

  it('does not lock an account for ever: once the window has passed the right password works again', async () => {
    const person = await givenUser(t);
    for (let i = 0; i < 3; i++)
      await t.http().post('/api/auth/login').send({ username: person.username, password: 'salah' });
    expect(
      (await t.http().post('/api/auth/login').send({ username: person.username, password: person.password })).status,
    ).toBe(429);
    const later = new Date(Date.now() + 901_000);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(later);
    try {
      const res = await t.http().post('/api/auth/login').send({ username: person.username, password: person.password });
      expect(res.status).toBe(200);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('signs in many people at the same moment, each counted under a lock without failing the others', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => givenUser(t)));
    const statuses = await Promise.all(
      people.map(
        async (p) =>
          (await t.http().post('/api/auth/login').send({ username: p.username, password: p.password })).status,
      ),
    );
    expect(statuses).toEqual(people.map(() => 200));
  });

  it('checks no more than three passwords however many guesses arrive at once', async () => {
    const person = await givenUser(t);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await t.http().post('/api/auth/login').send({ username: person.username, password: 'salah' });
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  });

  it("counts one person's failures together, whether their NIP or their e-mail is typed", async () => {
    const person = await givenUser(t);
    const names = [person.user.email!, person.user.nip!, person.user.email!.toUpperCase()];
    for (const username of names) {
      const res = await t.http().post('/api/auth/login').send({ username, password: 'salah' });
      expect(res.status).toBe(401);
    }
    const byNip = await t.http().post('/api/auth/login').send({ username: person.user.nip, password: person.password });
    expect(byNip.status).toBe(429);
  });

  it('blocking one account leaves other people able to sign in', async () => {
    const victim = await givenUser(t);
    const other = await givenUser(t);
    for (let i = 0; i < 4; i++)
      await t.http().post('/api/auth/login').send({ username: victim.username, password: 'salah' });
    const res = await t.http().post('/api/auth/login').send({ username: other.username, password: other.password });
    expect(res.status).toBe(200);
  });
});

describe('changing the password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
  });
  afterAll(() => t.close());

  const change = (auth: string, currentPassword: string, newPassword = 'kata-sandi-baru-2026') =>
    t.http().post('/api/me/password').set('authorization', auth).send({ currentPassword, newPassword });

  it('ends every session signed in before it: a stolen token stops working, a new sign-in works', async () => {
    const person = await givenUser(t);
    const stolen = person.auth;
    expect((await t.http().get('/api/me').set('authorization', stolen)).status).toBe(200);
    expect((await change(person.auth, person.password)).status).toBe(204);
    expect((await t.http().get('/api/me').set('authorization', stolen)).status).toBe(401);
    const again = await t
      .http()
      .post('/api/auth/login')
      .send({ username: person.username, password: 'kata-sandi-baru-2026' });
    expect(again.status).toBe(200);
    expect((await t.http().get('/api/me').set('authorization', `Bearer ${again.body.accessToken}`)).status).toBe(200);
  });

  it('lets a token guess the current password only as often as sign-in allows', async () => {
    const person = await givenUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await change(person.auth, `tebakan-${i}`)).status);
    expect(statuses).toEqual([422, 422, 422, 429]);
    // Blocked for sign-in too: one allowance per person.
    const login = await t.http().post('/api/auth/login').send({ username: person.username, password: person.password });
    expect(login.status).toBe(429);
  });
});

describe('signing out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
  });
  afterAll(() => t.close());

  const signIn = async (person: { username: string; password: string }) => {
    const res = await t.http().post('/api/auth/login').send({ username: person.username, password: person.password });
    expect(res.status).toBe(200);
    return `Bearer ${res.body.accessToken}`;
  };
  const me = (auth: string) => t.http().get('/api/me').set('authorization', auth);
  const logout = (auth: string) => t.http().post('/api/auth/logout').set('authorization', auth);

  it('refuses the signed-out token and every copy of it, while their other sessions go on', async () => {
    const person = await givenUser(t);
    const laptop = await signIn(person);
    const phone = await signIn(person);
    expect((await logout(laptop)).status).toBe(204);
    const copy = await me(laptop);
    expect(copy.status).toBe(401);
    expect(copy.body.code).toBe('COMMON.UNAUTHENTICATED');
    expect((await me(phone)).status).toBe(200);
    expect((await logout(laptop)).status).toBe(401);
    expect((await me(await signIn(person))).status).toBe(200);
  });

  it('keeps both of two sign-outs made at the same moment', async () => {
    const person = await givenUser(t);
    const [one, two, three] = [await signIn(person), await signIn(person), await signIn(person)];
    const outs = await Promise.all([logout(one), logout(two)]);
    expect(outs.map((r) => r.status)).toEqual([204, 204]);
    expect((await me(one)).status).toBe(401);
    expect((await me(two)).status).toBe(401);
    expect((await me(three)).status).toBe(200);
  });
});

describe('sign-in rate limit per IP address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '5', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
  });
  afterAll(() => t.close());

  it('answers 429 once one address has tried too often, whichever accounts it tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ username: `tebak${i}@uji.bina.id`, password: 'salah' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('sign-in rate limit per IP address behind a load balancer (TRUST_PROXY=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'true',
      LOGIN_MAX_ATTEMPTS_PER_IP: '3',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    });
  });
  afterAll(() => t.close());

  const attempt = (forwardedFor: string, i: number) =>
    t
      .http()
      .post('/api/auth/login')
      .set('x-forwarded-for', forwardedFor)
      .send({ username: `tebak${i}@uji.bina.id`, password: 'salah' });

  it('keys on the address the load balancer saw, not on what the client wrote before it', async () => {
    // The client writes a new address each time; the load balancer appends the one it saw.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`10.9.8.${i}, 203.0.113.7`, i)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another client behind the same load balancer is not held back by the first one.
    expect((await attempt('203.0.113.8', 9)).status).toBe(401);
  });
});

describe('sign-in rate limit per IP address, for people who get their password right', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
  });
  afterAll(() => t.close());

  it('counts only wrong passwords against an address: a room of colleagues behind one NAT all sign in', async () => {
    // One after another: sign-ins in flight at the same moment each hold one of the 3 hits.
    const colleagues = [];
    for (let i = 0; i < 7; i++) colleagues.push(await givenUser(t));
    for (const who of colleagues) {
      const res = await t.http().post('/api/auth/login').send({ username: who.username, password: who.password });
      expect(res.status).toBe(200);
    }
    const guesses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.http().post('/api/auth/login').send({ username: colleagues[0].username, password: 'salah' });
      guesses.push(res.status);
    }
    expect(guesses).toEqual([401, 401, 401, 429]);
  });
});
