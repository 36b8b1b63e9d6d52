import { PassThrough } from 'node:stream';
import { createTestApp, givenRegions, givenUnit, givenUser, TestApp } from '../../libs/testing';

describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: stream });
    await givenRegions(t);
  });
  afterAll(() => t.close());

  it('are JSON lines carrying the request id, with no NIP, password or token in any line', async () => {
    const unit = await givenUnit(t, '36.74');
    const admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id });
    const person = await givenUser(t, { unitId: unit.id });
    const nip = person.user.nip!;
    const token = person.auth.replace('Bearer ', '');

    const ok = await t
      .http()
      .post('/api/auth/login')
      .send({ username: person.user.nipDisplay, password: person.password });
    expect(ok.status).toBe(200);
    await t.http().post('/api/auth/login').send({ username: nip, password: 'kata-sandi-salah-123' });
    await t.http().get(`/api/users?q=${nip}`).set('authorization', admin.auth);
    await t
      .http()
      .post('/api/users')
      .set('authorization', admin.auth)
      .send({ nip, name: 'Dup', employeeType: 'PNS', unitId: unit.id });
    const traced = await t.http().get('/api/me').set('authorization', person.auth).set('x-request-id', 'trace-abc-123');
    expect(traced.status).toBe(200);

    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBeGreaterThan(4);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.some((l) => l.reqId === 'trace-abc-123')).toBe(true);
    const everything = lines.join('\n');
    for (const secret of [
      nip,
      person.user.nipDisplay!,
      person.password,
      'kata-sandi-salah-123',
      token,
      ok.body.accessToken,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
