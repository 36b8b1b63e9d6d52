import { createTestApp, givenUser, TestApp } from '../../libs/testing';

describe('error shape, health and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 in the one JSON shape, echoing the request id', async () => {
    const res = await t.http().get('/api/tidak-ada').set('x-request-id', 'req-12345678');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'COMMON.NOT_FOUND',
      message: 'Not found',
      requestId: 'req-12345678',
    });
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"username":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON.VALIDATION_FAILED');
  });

  it('answers an oversized body with 413', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('COMMON.PAYLOAD_TOO_LARGE');
  });

  it('lists each invalid field with its rule', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'ab', password: '' });
    expect(res.status).toBe(400);
    const fields = res.body.details.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['username:minLength', 'password:minLength']));
  });

  it('refuses a browser form post without a CSRF token', async () => {
    const person = await givenUser(t);
    const res = await t
      .http()
      .patch('/api/me')
      .set('cookie', `bina_session=${person.auth.replace('Bearer ', '')}`)
      .send({ phone: '+62 811 1111 1111' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('COMMON.CSRF_INVALID');
  });

  it('reports the database (and Redis when configured) on /health', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', kind: t.config.database.kind },
      redis: { status: t.config.redis ? 'up' : 'not_configured' },
    });
  });

  it('serves the OpenAPI document generated from the controllers', async () => {
    const res = await t.http().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users/{id}', '/api/units']),
    );
    const ui = await t.http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
