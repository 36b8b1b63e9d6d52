import {
  browserAgent,
  createTestApp,
  csrfOf,
  givenRegions,
  givenUnit,
  givenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

describe('the pages shell', () => {
  let t: TestApp;
  let unitId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
  });
  afterAll(() => t.close());

  const browser = () => browserAgent(t);

  it('shows the sign-in page in Bahasa Indonesia, and in English when chosen', async () => {
    const id = await t.http().get('/masuk');
    expect(id.status).toBe(200);
    expect(id.text).toContain('<html lang="id">');
    expect(id.text).toContain('Masuk ke Bina');
    expect(id.text).toContain('autocomplete="current-password"');
    expect(id.headers['content-security-policy']).toContain("script-src 'self'");
    expect(Buffer.byteLength(id.text)).toBeLessThan(100 * 1024);
    const en = await t.http().get('/masuk').set('cookie', 'lang=en');
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('Sign in to Bina');
  });

  it('switches language with a cookie and comes back to the same page', async () => {
    const res = await t.http().get('/bahasa?ke=en&next=/masuk');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/masuk');
    expect(String(res.headers['set-cookie'])).toContain('lang=en');
  });

  it('refuses a sign-in form without its CSRF token', async () => {
    const person = await givenUser(t, { unitId });
    const res = await t
      .http()
      .post('/masuk')
      .type('form')
      .send({ username: person.username, password: person.password });
    expect(res.status).toBe(403);
  });

  it('signs a learner in with an httpOnly SameSite session cookie and shows their home page', async () => {
    const person = await givenUser(t, { unitId });
    const agent = browser();
    const res = await signInThroughPages(agent, person.user.nipDisplay!, person.password);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/beranda');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/bina_session=[^;]+;.*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await agent.get('/beranda');
    expect(home.status).toBe(200);
    expect(home.text).toContain(`Selamat datang, ${person.user.name}`);
    expect(home.text).toContain('Pembelajar (ASN)');
    expect(home.text).toContain(person.user.nipDisplay!);
    expect(home.text).toContain('III/a (Penata Muda)');
    expect(home.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['supervisor', 'Atasan langsung'],
    ['instructor', 'Widyaiswara / instruktur'],
    ['unit_admin', 'Kota Tangerang Selatan (36.74)'],
    ['national_admin', 'Ringkasan nasional'],
  ] as const)('shows a home page for the %s role', async (role, text) => {
    const person = await givenUser(t, { role, unitId, scopeRegionCode: role === 'unit_admin' ? '36.74' : undefined });
    const agent = browser();
    await signInThroughPages(agent, person.username, person.password);
    const home = await agent.get('/beranda');
    expect(home.text).toContain(text);
  });

  it('tells a wrong password on the page with status 401', async () => {
    const person = await givenUser(t, { unitId });
    const res = await signInThroughPages(browser(), person.username, 'bukan-sandinya');
    expect(res.status).toBe(401);
    expect(res.text).toContain('NIP/e-mail atau kata sandi salah.');
    expect(res.text).toContain('role="alert"');
  });

  it('sends a visitor without a session to the sign-in page, and back afterwards', async () => {
    const res = await t.http().get('/beranda');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/masuk?next=%2Fberanda');
  });

  it('brings a form posted after the session ended back to the page the form was on, not to its POST address', async () => {
    const agent = browser();
    const signIn = await agent.get('/masuk');
    const { port } = t.app.getHttpServer().address() as { port: number };
    const attempt = '/kuis/percobaan/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const res = await agent
      .post(`${attempt}/kirim`)
      .set('referer', `http://127.0.0.1:${port}${attempt}`)
      .type('form')
      .send({ _csrf: csrfOf(signIn.text), r0: 'a' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/masuk?next=${encodeURIComponent(attempt)}`);
    // Another site's page is never the way back.
    const foreign = await agent
      .post(`${attempt}/kirim`)
      .set('referer', 'https://contoh.example/kuis')
      .type('form')
      .send({ _csrf: csrfOf(signIn.text) });
    expect(foreign.headers.location).toBe('/masuk?next=%2Fberanda');
  });

  it('ignores a `next` that leaves the site', async () => {
    const person = await givenUser(t, { unitId });
    const res = await signInThroughPages(browser(), person.username, person.password, 'https://evil.example/');
    expect(res.headers.location).toBe('/beranda');
    const slashes = await signInThroughPages(browser(), person.username, person.password, '//evil.example/');
    expect(slashes.headers.location).toBe('/beranda');
  });

  it('signs out: the cookie is cleared and the home page asks to sign in again', async () => {
    const person = await givenUser(t, { unitId });
    const agent = browser();
    await signInThroughPages(agent, person.username, person.password);
    const home = await agent.get('/beranda');
    const out = await agent
      .post('/keluar')
      .type('form')
      .send({ _csrf: csrfOf(home.text) });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/masuk?keluar=1');
    expect(String(out.headers['set-cookie'])).toMatch(/bina_session=;/);
    expect((await agent.get('/beranda')).status).toBe(303);
  });

  it('signs out a copy of the session cookie too (a shared computer, a proxy log)', async () => {
    const person = await givenUser(t, { unitId });
    const agent = browser();
    const signedIn = await signInThroughPages(agent, person.username, person.password);
    const session = /bina_session=[^;]+/.exec(String(signedIn.headers['set-cookie']))![0];
    const copy = () => t.http().get('/beranda').set('cookie', session);
    expect((await copy()).status).toBe(200);
    const home = await agent.get('/beranda');
    await agent
      .post('/keluar')
      .type('form')
      .send({ _csrf: csrfOf(home.text) });
    const refused = await copy();
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toMatch(/^\/masuk/);
  });
});
