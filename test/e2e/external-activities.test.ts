import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML_AS_PDF = Buffer.from('<html><script>alert(1)</script></html>');

describe('learning: external activities count once a unit admin verifies them', () => {
  let t: TestApp;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
  });
  afterAll(() => t.close());

  const record = (who: GivenUser, fields: Record<string, string | undefined>, file = PDF, name = 'sertifikat.pdf') => {
    const req = t.http().post('/api/learning/external-activities').set('authorization', who.auth);
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) req.field(k, v);
    return req.attach('file', file, { filename: name, contentType: 'application/pdf' });
  };
  const seminar = {
    formCode: 'seminar',
    title: 'Seminar Nasional Pelayanan Publik',
    organiser: 'LAN RI',
    startDate: '2026-10-05',
    endDate: '2026-10-06',
    days: '2',
    international: 'true',
    competencyCode: 'M.05',
    level: '2',
  };
  const ledger = async (who: GivenUser, year = 2026) =>
    (await t.http().get(`/api/learning/ledger?year=${year}`).set('authorization', who.auth)).body;

  it('computes JP from the conversion table and credits them only after verification', async () => {
    const learner = await givenUser(t, { unitId });
    const res = await record(learner, seminar);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      jp: 12,
      evidence: { name: 'sertifikat.pdf', mime: 'application/pdf' },
    });
    expect((await ledger(learner)).earnedJp).toBe(0);

    const queue = await t
      .http()
      .get('/api/learning/external-activities/review')
      .set('authorization', tangselAdmin.auth);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    const elsewhere = await t
      .http()
      .get('/api/learning/external-activities/review')
      .set('authorization', medanAdmin.auth);
    expect(elsewhere.body.items.map((a: { id: string }) => a.id)).not.toContain(res.body.id);
    expect(
      (
        await t
          .http()
          .post(`/api/learning/external-activities/${res.body.id}/verification`)
          .set('authorization', medanAdmin.auth)
      ).status,
    ).toBe(404);

    const evidence = await t
      .http()
      .get(`/api/learning/external-activities/${res.body.id}/evidence`)
      .set('authorization', tangselAdmin.auth);
    expect(evidence.status).toBe(200);
    expect(evidence.headers['x-content-type-options']).toBe('nosniff');
    expect(evidence.headers['content-disposition']).toMatch(/^attachment; filename="sertifikat.pdf"/);

    const verified = await t
      .http()
      .post(`/api/learning/external-activities/${res.body.id}/verification`)
      .set('authorization', tangselAdmin.auth);
    expect(verified.body.status).toBe('verified');
    const again = await t
      .http()
      .post(`/api/learning/external-activities/${res.body.id}/verification`)
      .set('authorization', tangselAdmin.auth);
    expect(again.status).toBe(409);
    expect(await ledger(learner)).toMatchObject({
      earnedJp: 12,
      entries: [expect.objectContaining({ title: 'Seminar Nasional Pelayanan Publik', jp: 12, source: 'external' })],
    });
    const home = await t.http().get('/api/learning/home').set('authorization', learner.auth);
    expect(home.body.competencies).toEqual([expect.objectContaining({ code: 'M.05', level: 2 })]);
  });

  it('stores a form sent twice (a double tap) once, and takes it again once the first was rejected', async () => {
    const learner = await givenUser(t, { unitId });
    const sends = await Promise.all([record(learner, seminar), record(learner, seminar), record(learner, seminar)]);
    expect(sends.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(sends.map((r) => r.body.id)).size).toBe(1);
    // The same again later, with the title typed a little differently.
    const later = await record(learner, { ...seminar, title: '  seminar nasional  PELAYANAN publik ' });
    expect(later.body.id).toBe(sends[0].body.id);
    const mine = await t.http().get('/api/learning/external-activities').set('authorization', learner.auth);
    expect(mine.body.items).toHaveLength(1);

    const rejected = await t
      .http()
      .post(`/api/learning/external-activities/${sends[0].body.id}/rejection`)
      .set('authorization', tangselAdmin.auth)
      .send({ reason: 'Sertifikat tidak terbaca.' });
    expect(rejected.body.status).toBe('rejected');
    const corrected = await record(learner, seminar);
    expect(corrected.status).toBe(201);
    expect(corrected.body.id).not.toBe(sends[0].body.id);
  });

  it('a rejected activity needs a reason and never enters the ledger', async () => {
    const learner = await givenUser(t, { unitId });
    const res = await record(learner, {
      ...seminar,
      formCode: 'pelatihan_teknis',
      days: undefined,
      programmeJp: '30',
      international: 'false',
    });
    expect(res.body.jp).toBe(30);
    const noReason = await t
      .http()
      .post(`/api/learning/external-activities/${res.body.id}/rejection`)
      .set('authorization', tangselAdmin.auth)
      .send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    );
    const rejected = await t
      .http()
      .post(`/api/learning/external-activities/${res.body.id}/rejection`)
      .set('authorization', tangselAdmin.auth)
      .send({ reason: 'Sertifikat tidak terbaca' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Sertifikat tidak terbaca' });
    expect((await ledger(learner)).earnedJp).toBe(0);
    const mine = await t.http().get('/api/learning/external-activities').set('authorization', learner.auth);
    expect(mine.body.items[0]).toMatchObject({ status: 'rejected', rejectionReason: 'Sertifikat tidak terbaca' });
  });

  it.each([
    [{ endDate: '2026-10-01' }, 'endDate', 'after_start'],
    [{ endDate: '2099-01-01' }, 'endDate', 'not_future'],
    [{ formCode: 'bertapa' }, 'formCode', 'exists'],
    [{ days: undefined }, 'days', 'required'],
    [{ competencyCode: 'X.99' }, 'competencyCode', 'exists'],
    [{ days: '5' }, 'days', 'within_dates'],
  ])('refuses %j naming %s (%s) with 422', async (change, field, rule) => {
    const learner = await givenUser(t, { unitId });
    const res = await record(learner, { ...seminar, ...change });
    expect(res.status).toBe(422);
    expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it('refuses dates that are not calendar days, so the days-within-dates check cannot be skipped', async () => {
    const learner = await givenUser(t, { unitId });
    const res = await record(learner, { ...seminar, startDate: '2026-001', endDate: '2026-01-03', days: '366' });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'startDate', rule: 'isCalendarDate' })]);
  });

  it('refuses evidence that is not a PDF or image by its content, whatever its name', async () => {
    const learner = await givenUser(t, { unitId });
    const res = await record(learner, seminar, HTML_AS_PDF, 'sertifikat.pdf');
    expect(res.status).toBe(422);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'file_type' })]);
    const none = await t
      .http()
      .post('/api/learning/external-activities')
      .set('authorization', learner.auth)
      .field('formCode', 'seminar');
    expect(none.status).toBe(400);
  });

  it('hides one learner’s activity from another (404)', async () => {
    const owner = await givenUser(t, { unitId });
    const other = await givenUser(t, { unitId });
    const res = await record(owner, seminar);
    expect(
      (await t.http().get(`/api/learning/external-activities/${res.body.id}`).set('authorization', other.auth)).status,
    ).toBe(404);
    expect(
      (await t.http().get(`/api/learning/external-activities/${res.body.id}/evidence`).set('authorization', other.auth))
        .status,
    ).toBe(404);
  });

  it('refuses an admin verifying their own activity (403), and another admin of the region may', async () => {
    const ownActivity = await record(tangselAdmin, seminar);
    expect(ownActivity.status).toBe(201);
    const verify = (who: GivenUser) =>
      t
        .http()
        .post(`/api/learning/external-activities/${ownActivity.body.id}/verification`)
        .set('authorization', who.auth);
    const own = await verify(tangselAdmin);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('LEARNING.ACTIVITY_OWN');
    expect((await ledger(tangselAdmin)).earnedJp).toBe(0);
    const colleague = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId });
    expect((await verify(colleague)).status).toBe(200);
  });
});
