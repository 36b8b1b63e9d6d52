import { Clock } from '../../libs/common';
import { RateLimiterService, rateKey } from '../../libs/rate-limit';
import {
  asUser,
  browserAgent,
  BrowserAgent,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { IkmResponse } from '../../src/modules/development-plans/public-feedback/entities';
import { SURVEY_IP_RULE } from '../../src/modules/development-plans/public-feedback/survey/public-survey.service';
import { LearningApi } from '../../src/modules/learning/learning.api';
import { TransactionRunner } from '../../libs/database';

type Answers = [number, number, number, number, number, number, number, number, number];
const answers = (a: Answers) => Object.fromEntries(a.map((v, i) => [`u${i + 1}`, v]));

describe('the public satisfaction survey (API)', () => {
  let t: TestApp;
  let now: Date;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let national: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    now = new Date('2026-03-02T02:00:00Z');
    tangselAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '36.74',
      unitId: (await givenUnit(t, '36.74', 'training_unit')).id,
    });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71', 'training_unit')).id,
    });
    national = await givenUser(t, { role: 'national_admin' });
  });
  afterAll(() => t.close());
  /** Every test here comes from one address: each starts with a fresh submission count. */
  async function resetRateLimit() {
    const limiter = t.get(RateLimiterService);
    for (const ip of ['127.0.0.1', '::ffff:127.0.0.1', '::1']) await limiter.reset(rateKey('ikm-ip', ip));
  }
  beforeEach(resetRateLimit);

  const at = (iso: string) => (now = new Date(iso));
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const stored = (unitId: string) => t.dataSource.getRepository(IkmResponse).countBy({ unitId });

  /** Loads the form as a phone would, waits like a person reading it, and sends the answers. */
  async function respond(device: BrowserAgent, unitCode: string, body: Record<string, unknown>, wait = 20) {
    const form = await device.get(`/api/skm/${unitCode}`);
    expect(form.status).toBe(200);
    later(wait);
    return device.post(`/api/skm/${unitCode}`).send({ formToken: form.body.formToken, ...body });
  }

  it('stores one response per device and period: a second is refused with 409, the next period is accepted', async () => {
    const unit = await givenUnit(t, '36.74');
    at('2026-03-02T02:00:00Z');
    const phone = browserAgent(t);
    const cookie = String((await phone.get(`/api/skm/${unit.code}`)).headers['set-cookie']);
    const first = await respond(phone, unit.code, answers([4, 4, 3, 3, 4, 4, 4, 3, 4]));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ unitCode: unit.code, period: '2026-S1' });

    const again = await phone.get(`/api/skm/${unit.code}`);
    expect(again.body).toMatchObject({ period: '2026-S1', alreadyAnswered: true });
    const second = await respond(phone, unit.code, answers([1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PLANS.SURVEY_ALREADY_ANSWERED', details: { period: '2026-S1' } });

    const otherPhone = browserAgent(t);
    expect((await respond(otherPhone, unit.code, answers([3, 3, 3, 3, 3, 3, 3, 3, 3]))).status).toBe(201);

    at('2026-06-30T17:00:00Z'); // 1 July 00:00 WIB: the second semester
    const next = await respond(phone, unit.code, answers([2, 2, 2, 2, 2, 2, 2, 2, 2]));
    expect(next.status).toBe(201);
    expect(next.body.period).toBe('2026-S2');
    expect(await stored(unit.id)).toBe(3);

    // The device cookie is HttpOnly and only its keyed hash is stored.
    expect(cookie).toMatch(/bina_survei=[^;]+;.*HttpOnly/i);
    const raw = /bina_survei=([^;]+)/.exec(cookie)![1];
    const rows = await t.dataSource.getRepository(IkmResponse).findBy({ unitId: unit.id });
    expect(rows.every((r) => r.deviceHash !== raw && r.deviceHash.length === 43)).toBe(true);
    expect(new Set(rows.map((r) => r.deviceHash)).size).toBe(2);
  });

  it('refuses the hidden field filled in and a form sent back too fast, storing nothing', async () => {
    const unit = await givenUnit(t, '36.74');
    at('2026-03-03T02:00:00Z');
    const bot = browserAgent(t);
    const honeypot = await respond(bot, unit.code, {
      ...answers([4, 4, 4, 4, 4, 4, 4, 4, 4]),
      website: 'http://x.example',
    });
    expect(honeypot.status).toBe(422);
    expect(honeypot.body.code).toBe('PLANS.SURVEY_REJECTED');

    const hasty = await respond(bot, unit.code, answers([4, 4, 4, 4, 4, 4, 4, 4, 4]), 2);
    expect(hasty.status).toBe(422);
    expect(hasty.body).toMatchObject({
      code: 'PLANS.SURVEY_TOO_FAST',
      details: { fields: [{ field: 'formToken', rule: 'min_fill_time' }], minFillSeconds: 8 },
    });

    const forged = await bot.post(`/api/skm/${unit.code}`).send({
      formToken: `${(now.getTime() - 60_000).toString(36)}.${'A'.repeat(27)}`,
      ...answers([4, 4, 4, 4, 4, 4, 4, 4, 4]),
    });
    expect(forged.status).toBe(422);
    expect(forged.body.code).toBe('PLANS.SURVEY_FORM_EXPIRED');

    const stale = await respond(bot, unit.code, answers([4, 4, 4, 4, 4, 4, 4, 4, 4]), 13 * 3600);
    expect(stale.body.code).toBe('PLANS.SURVEY_FORM_EXPIRED');
    expect(await stored(unit.id)).toBe(0);
    // None of that used up the device's one response.
    expect((await respond(bot, unit.code, answers([4, 4, 4, 4, 4, 4, 4, 4, 4]))).status).toBe(201);
  });

  it('names the element and the rule of each invalid answer, in the one error shape', async () => {
    const unit = await givenUnit(t, '36.74');
    at('2026-03-04T02:00:00Z');
    const phone = browserAgent(t);
    const outOfRange = await respond(phone, unit.code, answers([4, 4, 5, 4, 4, 4, 4, 4, 4]));
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body).toMatchObject({
      statusCode: 400,
      code: 'COMMON.VALIDATION_FAILED',
      details: { fields: [{ field: 'u3', rule: 'range' }] },
    });
    expect(outOfRange.body.requestId).toEqual(expect.any(String));

    const { u7: _skipped, ...withoutU7 } = answers([4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const missing = await respond(phone, unit.code, { ...withoutU7, u2: 2.5, ageBand: 'teen', score: 9 });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'u7', rule: 'required' }),
        expect.objectContaining({ field: 'u2', rule: 'range' }),
        expect.objectContaining({ field: 'ageBand', rule: 'isIn' }),
        expect.objectContaining({ field: 'score', rule: 'unknown_field' }),
      ]),
    );
    const long = await respond(phone, unit.code, {
      ...answers([4, 4, 4, 4, 4, 4, 4, 4, 4]),
      suggestion: 'x'.repeat(1001),
    });
    expect(long.body.details.fields[0]).toMatchObject({ field: 'suggestion', rule: 'maxLength' });
    expect(await stored(unit.id)).toBe(0);
  });

  it('answers 404 for a unit that does not exist', async () => {
    expect((await t.http().get('/api/skm/TIDAK-ADA')).status).toBe(404);
    const res = await t
      .http()
      .post('/api/skm/TIDAK-ADA')
      .send({ formToken: 'x', ...answers([4, 4, 4, 4, 4, 4, 4, 4, 4]) });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('PLANS.SURVEY_UNIT_NOT_FOUND');
  });

  it('limits submissions per address with 429 and Retry-After, counting refused ones too', async () => {
    const unit = await givenUnit(t, '36.74');
    at('2026-03-05T02:00:00Z');
    for (let i = 0; i < SURVEY_IP_RULE.limit; i++) {
      const res = await t.http().post(`/api/skm/${unit.code}`).send({ u1: 9 });
      expect(res.status).toBe(400);
    }
    const blocked = await respond(browserAgent(t), unit.code, answers([4, 4, 4, 4, 4, 4, 4, 4, 4]));
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('COMMON.RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(SURVEY_IP_RULE.windowMs / 1000);
    expect(await stored(unit.id)).toBe(0);
  });

  describe('the index a unit admin reads', () => {
    let unitCode: string;

    beforeAll(async () => {
      await resetRateLimit();
      const unit = await givenUnit(t, '36.74');
      unitCode = unit.code;
      // Three respondents in the first semester: element sums 9, 8, 10, 12, 6, 9, 9, 5, 10 → 78 / 27 × 25 = 72.22 (C).
      at('2026-02-10T03:00:00Z');
      for (const a of [
        [3, 3, 4, 4, 2, 3, 3, 2, 4],
        [3, 2, 3, 4, 2, 3, 3, 1, 3],
        [3, 3, 3, 4, 2, 3, 3, 2, 3],
      ] as Answers[])
        expect((await respond(browserAgent(t), unitCode, answers(a))).status).toBe(201);
      // Two in the second: all 4 and all 3 → 87.50 (B).
      at('2026-09-01T03:00:00Z');
      const profiles = [{ occupation: 'pns', sex: 'female', ageBand: '35-44' }, { sex: 'female' }];
      for (const [i, a] of (
        [
          [4, 4, 4, 4, 4, 4, 4, 4, 4],
          [3, 3, 3, 3, 3, 3, 3, 3, 3],
        ] as Answers[]
      ).entries())
        expect((await respond(browserAgent(t), unitCode, { ...answers(a), ...profiles[i] })).status).toBe(201);

      // Staff training: one course in S1 (2.5 JP), one mentoring credit in S2 (1.5 JP); another unit's course does not count.
      const instructor = await givenUser(t, { role: 'instructor' });
      const course = await givenPublishedCourse(t, instructor.auth, { jp: 2.5 });
      const staff = await givenUser(t, { unitId: unit.id });
      const colleague = await givenUser(t, { unitId: unit.id });
      const outsider = await givenUser(t, { unitId: (await givenUnit(t, '36.74')).id });
      at('2026-03-10T03:00:00Z');
      for (const learner of [staff, outsider]) {
        expect((await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/enrolment`)).status).toBe(200);
        for (const id of course.lessonIds)
          await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`);
      }
      await t.drain();
      await t.get(TransactionRunner).run((m) =>
        t.get(LearningApi).recordCredit(m, {
          userId: colleague.user.id,
          source: 'mentoring',
          sourceId: '00000000-0000-4000-8000-00000000a001',
          title: 'Mentoring pelayanan publik',
          year: 2026,
          jpTenths: 15,
          earnedAt: new Date('2026-08-20T03:00:00Z'),
          competencies: [],
        }),
      );
      at('2026-11-25T03:00:00Z');
    });

    it('shows the index, category, element means and response count per period beside the staff training', async () => {
      const res = await asUser(t, tangselAdmin).get(`/api/ikm/units/${unitCode}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ periodKind: 'semester', staff: 2, unit: { code: unitCode } });
      const byPeriod = Object.fromEntries(res.body.periods.map((p: { period: string }) => [p.period, p]));
      expect(res.body.periods.map((p: { period: string }) => p.period).slice(-2)).toEqual(['2026-S1', '2026-S2']);
      expect(byPeriod['2026-S1']).toMatchObject({
        responses: 3,
        ikm: 72.22,
        category: 'C',
        training: { people: 1, completions: 1, courses: 1, jp: 2.5 },
      });
      expect(byPeriod['2026-S1'].elementMeans.map((m: number) => m.toFixed(2))).toEqual([
        '3.00',
        '2.67',
        '3.33',
        '4.00',
        '2.00',
        '3.00',
        '3.00',
        '1.67',
        '3.33',
      ]);
      expect(byPeriod['2026-S2']).toMatchObject({
        responses: 2,
        ikm: 87.5,
        category: 'B',
        training: { people: 1, completions: 1, courses: 0, jp: 1.5 },
      });
      expect(byPeriod['2025-S2']).toMatchObject({ responses: 0, ikm: null, category: null });
      // The respondent profile of the latest period with answers; "none" counts those who left an item empty.
      expect(res.body.profile).toEqual({
        period: '2026-S2',
        responses: 2,
        counts: {
          ageBand: { '35-44': 1, none: 1 },
          sex: { female: 2 },
          education: { none: 2 },
          occupation: { pns: 1, none: 1 },
        },
      });
    });

    it('lists the unit among this period’s units of the admin’s region, and follows a change of period length', async () => {
      const list = await asUser(t, tangselAdmin).get('/api/ikm/units');
      expect(list.body.period).toBe('2026-S2');
      expect(list.body.units).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ unit: expect.objectContaining({ code: unitCode }), ikm: 87.5 }),
        ]),
      );
      expect((await asUser(t, medanAdmin).get('/api/ikm/units')).body.units).toEqual([]);

      expect((await asUser(t, tangselAdmin).put('/api/ikm/settings', { periodKind: 'quarter' })).status).toBe(403);
      const changed = await asUser(t, national).put('/api/ikm/settings', { periodKind: 'quarter' });
      expect(changed.body).toEqual({ periodKind: 'quarter', minFillSeconds: 8 });
      const quarters = await asUser(t, national).get(`/api/ikm/units/${unitCode}`);
      const q1 = quarters.body.periods.find((p: { period: string }) => p.period === '2026-Q1');
      expect(q1).toMatchObject({ responses: 3, ikm: 72.22 });
      await asUser(t, national).put('/api/ikm/settings', { periodKind: 'semester' });
    });

    it('hides another region’s unit from a unit admin (404) and the report from learners (403)', async () => {
      const res = await asUser(t, medanAdmin).get(`/api/ikm/units/${unitCode}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('PLANS.SURVEY_UNIT_NOT_FOUND');
      const learner = await givenUser(t);
      expect((await asUser(t, learner).get(`/api/ikm/units/${unitCode}`)).status).toBe(403);
      expect((await asUser(t, national).get(`/api/ikm/units/${unitCode}`)).status).toBe(200);
    });
  });
});
