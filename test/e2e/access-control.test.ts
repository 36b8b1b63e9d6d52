import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AccessGuard } from '../../libs/auth';
import { AllExceptionsFilter } from '../../libs/common';
import {
  createTestApp,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  routeInventory,
  TestApp,
} from '../../libs/testing';

describe('access control', () => {
  let t: TestApp;
  let tangselAdmin: GivenUser;
  let gorontaloAdmin: GivenUser;
  let tangselLearner: GivenUser;
  let gorontaloLearner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const tangsel = await givenUnit(t, '36.74');
    const gorontalo = await givenUnit(t, '75.71');
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangsel.id });
    gorontaloAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71', unitId: gorontalo.id });
    tangselLearner = await givenUser(t, { unitId: tangsel.id });
    gorontaloLearner = await givenUser(t, { unitId: gorontalo.id });
  });
  afterAll(() => t.close());

  it('has an explicit access rule (public, any signed-in person, or roles) on every route', () => {
    const routes = routeInventory(t.app);
    expect(routes.length).toBeGreaterThan(10);
    const unmarked = routes.filter((r) => !r.rule).map((r) => r.route);
    expect(unmarked).toEqual([]);
  });

  it('lists the public routes, and nothing else is public', () => {
    const publicRoutes = routeInventory(t.app)
      .filter((r) => r.rule?.public)
      .map((r) => r.route);
    const allowed = [
      /^GET \/health$/,
      /^POST \/api\/auth\/login$/,
      /^(GET|POST) \/(masuk|bahasa)?$/,
      /^GET \/$/,
      // The public certificate check: the page, and the JSON API with its public keys and credential check.
      /^GET \/(api\/)?verifikasi(\/:code)?$/,
      /^GET \/api\/verifikasi\/kunci$/,
      /^POST \/api\/verifikasi\/kredensial$/,
      // The unsubscribe link of every e-mail (signed token; RFC 8058 one-click POST from mail clients).
      /^(GET|POST) \/(api\/notifications\/unsubscribe|notifikasi\/berhenti)\/:token$/,
      // The public satisfaction survey of a unit (SKM, no login): the page and its JSON API.
      /^(GET|POST) \/(api\/)?skm\/:unitCode$/,
    ];
    for (const route of publicRoutes)
      expect(allowed.some((pattern) => pattern.test(route)) ? route : `unexpected public ${route}`).toBe(route);
  });

  it('refuses private routes without a token (401) and with a forged one (401)', async () => {
    expect((await t.http().get('/api/me')).status).toBe(401);
    const forged = await t.http().get('/api/me').set('authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('COMMON.UNAUTHENTICATED');
  });

  it('gives the Tangerang Selatan unit admin a 404 for a Kota Gorontalo person, and the person for their own region', async () => {
    const other = await t.http().get(`/api/users/${gorontaloLearner.user.id}`).set('authorization', tangselAdmin.auth);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('IDENTITY.USER_NOT_FOUND');
    const own = await t.http().get(`/api/users/${tangselLearner.user.id}`).set('authorization', tangselAdmin.auth);
    expect(own.status).toBe(200);
    expect(own.body.regionCode).toBe('36.74');
  });

  it('lists only the unit admin’s own region subtree', async () => {
    const res = await t.http().get('/api/users?pageSize=100').set('authorization', gorontaloAdmin.auth);
    expect(res.status).toBe(200);
    const regions = new Set(res.body.items.map((u: { regionCode: string }) => u.regionCode));
    expect([...regions]).toEqual(['75.71']);
  });

  it('does not let a learner read another learner, nor change data reserved to admins', async () => {
    const peer = await t.http().get(`/api/users/${gorontaloLearner.user.id}`).set('authorization', tangselLearner.auth);
    expect(peer.status).toBe(404);
    const create = await t.http().post('/api/units').set('authorization', tangselLearner.auth).send({});
    expect(create.status).toBe(403);
  });

  it('lets a supervisor see their direct reports and nobody else', async () => {
    const unit = await givenUnit(t, '36.74');
    const boss = await givenUser(t, { role: 'supervisor', unitId: unit.id });
    const report = await givenUser(t, { unitId: unit.id, supervisorId: boss.user.id });
    const list = await t.http().get('/api/users').set('authorization', boss.auth);
    expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual([boss.user.id, report.user.id].sort());
    expect((await t.http().get(`/api/users/${report.user.id}`).set('authorization', boss.auth)).status).toBe(200);
    expect((await t.http().get(`/api/users/${tangselLearner.user.id}`).set('authorization', boss.auth)).status).toBe(
      404,
    );
  });

  it('changes roles only through the national admin, who can make someone a unit admin of a region', async () => {
    const national = await givenUser(t, { role: 'national_admin' });
    const body = { role: 'unit_admin', scopeRegionCode: '36.74' };
    const byUnitAdmin = await t
      .http()
      .put(`/api/users/${tangselLearner.user.id}/role`)
      .set('authorization', tangselAdmin.auth)
      .send(body);
    expect(byUnitAdmin.status).toBe(403);
    const withoutRegion = await t
      .http()
      .put(`/api/users/${tangselLearner.user.id}/role`)
      .set('authorization', national.auth)
      .send({ role: 'unit_admin' });
    expect(withoutRegion.status).toBe(400);
    expect(withoutRegion.body.details.fields[0].field).toBe('scopeRegionCode');
    const promoted = await givenUser(t, { unitId: tangselLearner.user.unitId! });
    const res = await t
      .http()
      .put(`/api/users/${promoted.user.id}/role`)
      .set('authorization', national.auth)
      .send(body);
    expect(res.status).toBe(200);
    const seen = await t.http().get(`/api/users/${gorontaloLearner.user.id}`).set('authorization', promoted.auth);
    expect(seen.status).toBe(404);
    const own = await t.http().get(`/api/users/${tangselLearner.user.id}`).set('authorization', promoted.auth);
    expect(own.status).toBe(200);
  });

  it('refuses role and regionId in a profile body with 400 naming each field (mass assignment)', async () => {
    const res = await t
      .http()
      .patch('/api/me')
      .set('authorization', tangselLearner.auth)
      .send({ phone: '+62 812 0000 1111', role: 'national_admin', regionId: '75.71' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON.VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'role', rule: 'unknown_field' }),
        expect.objectContaining({ field: 'regionId', rule: 'unknown_field' }),
      ]),
    );
    const me = await t.http().get('/api/me').set('authorization', tangselLearner.auth);
    expect(me.body).toMatchObject({ role: 'learner', regionCode: '36.74' });
    expect(me.body.phone).not.toBe('+62 812 0000 1111');
  });

  it('refuses a unit admin creating a unit outside their region with a 404 naming the field', async () => {
    const res = await t
      .http()
      .post('/api/units')
      .set('authorization', tangselAdmin.auth)
      .send({ code: 'DINAS-X', name: 'Dinas di Gorontalo', kind: 'agency', regionCode: '75.71' });
    expect(res.status).toBe(404);
    expect(res.body.details.fields[0]).toMatchObject({ field: 'regionCode', rule: 'in_scope' });
  });

  it("keeps a unit admin's hands off the accounts of administrators at or above their own scope", async () => {
    const unitId = (await givenUnit(t, '36.74')).id;
    const national = await givenUser(t, { role: 'national_admin', unitId });
    const banten = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId });
    const peer = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId });
    for (const target of [national, banten, peer]) {
      const res = await t
        .http()
        .patch(`/api/users/${target.user.id}`)
        .set('authorization', tangselAdmin.auth)
        .send({ active: false, email: `diambil-${target.user.id.slice(0, 8)}@contoh.id` });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('IDENTITY.USER_NOT_MANAGEABLE');
      const me = await t.http().get('/api/me').set('authorization', target.auth);
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(target.user.email);
    }
    // The province's administrator manages the city's, and a learner of the city stays manageable.
    const byProvince = await t
      .http()
      .patch(`/api/users/${peer.user.id}`)
      .set('authorization', banten.auth)
      .send({ active: false });
    expect(byProvince.status).toBe(200);
    const learner = await t
      .http()
      .patch(`/api/users/${tangselLearner.user.id}`)
      .set('authorization', tangselAdmin.auth)
      .send({ phone: '+62 812 3456 7890' });
    expect(learner.status).toBe(200);
  });

  it('refuses a new employee type whose grades do not include the grade kept, naming golongan', async () => {
    const person = await givenUser(t, { unitId: (await givenUnit(t, '36.74')).id, golongan: 'III/a' });
    const patch = (body: object) =>
      t.http().patch(`/api/users/${person.user.id}`).set('authorization', tangselAdmin.auth).send(body);
    const typeOnly = await patch({ employeeType: 'PPPK' });
    expect(typeOnly.status).toBe(422);
    expect(typeOnly.body.details.fields[0]).toMatchObject({ field: 'golongan', rule: 'grade' });
    const both = await patch({ employeeType: 'PPPK', golongan: 'IX' });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ employeeType: 'PPPK', golongan: 'IX' });
  });

  it('answers a malformed id with 400 naming the parameter, never 500', async () => {
    const res = await t.http().get('/api/users/not-a-uuid').set('authorization', tangselAdmin.auth);
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0]).toMatchObject({ field: 'id', rule: 'isUuid' });
  });
});

describe('a route that declares no access rule', () => {
  @Controller('forgotten')
  class ForgottenController {
    @Get()
    secret() {
      return { leaked: true };
    }
  }
  @Module({ controllers: [ForgottenController] })
  class ForgottenModule {}

  it('is refused at runtime', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ForgottenModule],
      providers: [{ provide: APP_GUARD, useFactory: (r: Reflector) => new AccessGuard(r), inject: [Reflector] }],
    }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter());
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/forgotten' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('leaked');
    await app.close();
  });
});
