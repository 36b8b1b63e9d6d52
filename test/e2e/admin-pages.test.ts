import {
  browserAgent,
  createTestApp,
  csrfOf,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

describe('the unit admin’s pages', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let medanAdmin: GivenUser;
  let medanUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    medanUnitId = (await givenUnit(t, '12.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId: medanUnitId });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnitId });
  });
  afterAll(() => t.close());

  const signedIn = async (who: GivenUser, lang?: 'en') => {
    const agent = browserAgent(t);
    if (lang) await agent.get('/bahasa?ke=en&next=/masuk');
    await signInThroughPages(agent, who.username, who.password);
    return agent;
  };

  it('assigns a course by criteria and by CSV, and shows the counts of the queued run', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Tata Naskah Dinas',
      enrolmentMode: 'assigned',
    });
    const unit = await givenUnit(t, '12.71.08');
    const people = await Promise.all([1, 2].map(() => givenUser(t, { unitId: unit.id })));
    const agent = await signedIn(medanAdmin);
    const page = await agent.get('/admin/penugasan');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Penugasan kursus');
    expect(page.text).toContain('value="12.71"');
    expect(page.text).toContain('Tata Naskah Dinas');
    expect(Buffer.byteLength(page.text)).toBeLessThan(100 * 1024);

    const bad = await agent
      .post('/admin/penugasan')
      .type('form')
      .send({ _csrf: csrfOf(page.text), regionCode: '12.71.08' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('courseId');
    expect(bad.text).toContain('value="12.71.08"');

    const assigned = await agent
      .post('/admin/penugasan')
      .type('form')
      .send({ _csrf: csrfOf(page.text), courseId: course.courseId, regionCode: '12.71.08', deadline: '2027-01-31' });
    expect(assigned.status).toBe(303);
    await t.drain();
    const detail = await agent.get(assigned.headers.location);
    expect(detail.text).toContain('selesai');
    expect(detail.text).toContain('<dd id="jumlah-terdaftar">2</dd>');

    const other = await givenUser(t, { unitId: medanUnitId });
    const csv = `NIP\n${people[0].user.nip}\n${other.user.nip}\n`;
    const byCsv = await agent
      .post(`/admin/penugasan/csv?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
      .field('courseId', course.courseId)
      .attach('file', Buffer.from(csv), { filename: 'nip.csv', contentType: 'text/csv' });
    expect(byCsv.status).toBe(303);
    await t.drain();
    const csvDetail = await agent.get(byCsv.headers.location);
    expect(csvDetail.text).toContain('<dd id="jumlah-terdaftar">1</dd>');
    const list = await agent.get('/admin/penugasan');
    expect(list.text).toContain('1 terdaftar · 1 sudah terdaftar · 0 di luar cakupan · 0 tidak ditemukan');
  });

  it('verifies an external activity and rejects another only with a reason', async () => {
    const learner = await givenUser(t, { unitId: medanUnitId });
    const record = (title: string) =>
      t
        .http()
        .post('/api/learning/external-activities')
        .set('authorization', learner.auth)
        .field('formCode', 'seminar')
        .field('title', title)
        .field('organiser', 'BPSDM Sumut')
        .field('startDate', '2026-10-05')
        .field('endDate', '2026-10-06')
        .field('days', '2')
        .attach('file', Buffer.from('%PDF-1.4\n'), { filename: 'bukti.pdf', contentType: 'application/pdf' });
    const first = await record('Seminar Integritas');
    const second = await record('Seminar Tanpa Bukti Jelas');
    const agent = await signedIn(medanAdmin);
    const page = await agent.get('/admin/verifikasi');
    expect(page.text).toContain('Seminar Integritas');
    expect(page.text).toContain(learner.user.name);

    const ok = await agent
      .post(`/admin/verifikasi/${first.body.id}/setujui`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(ok.headers.location).toBe('/admin/verifikasi?ok=verified');
    expect((await agent.get(ok.headers.location)).text).toContain('Kegiatan terverifikasi; JP-nya tercatat.');
    const ledger = await t.http().get('/api/learning/ledger?year=2026').set('authorization', learner.auth);
    expect(ledger.body.earnedJp).toBe(8);

    const noReason = await agent
      .post(`/admin/verifikasi/${second.body.id}/tolak`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('reason');
    const rejected = await agent
      .post(`/admin/verifikasi/${second.body.id}/tolak`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Sertifikat tidak terbaca' });
    expect(rejected.headers.location).toBe('/admin/verifikasi?ok=rejected');
    const after = await agent.get('/admin/verifikasi?status=rejected');
    expect(after.text).toContain('Ditolak: Sertifikat tidak terbaca');
  });

  it('approves an enrolment request', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Kursus Berpersetujuan',
      enrolmentMode: 'approval',
    });
    const learner = await givenUser(t, { unitId: medanUnitId });
    const request = await t
      .http()
      .post(`/api/learning/courses/${course.courseId}/enrolment`)
      .set('authorization', learner.auth);
    const agent = await signedIn(medanAdmin);
    const page = await agent.get('/admin/permintaan');
    expect(page.text).toContain(learner.user.name);
    expect(page.text).toContain('Kursus Berpersetujuan');
    const approved = await agent
      .post(`/admin/permintaan/${request.body.id}/setujui`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(approved.headers.location).toBe('/admin/permintaan?ok=approved');
    const mine = await t.http().get('/api/learning/enrolments').set('authorization', learner.auth);
    expect(mine.body.items[0]).toMatchObject({ id: request.body.id, status: 'active' });
  });

  it('keeps another region’s items out of sight (404 pages) and learners out (403); speaks English on request', async () => {
    const course = await givenPublishedCourse(t, instructor.auth);
    const created = await t
      .http()
      .post('/api/learning/assignments')
      .set('authorization', medanAdmin.auth)
      .send({ courseId: course.courseId, filter: {} });
    await t.drain();
    const gorontaloAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '75.71',
      unitId: (await givenUnit(t, '75.71')).id,
    });
    const agent = await signedIn(gorontaloAdmin, 'en');
    const notHers = await agent.get(`/admin/penugasan/${created.body.id}`);
    expect(notHers.status).toBe(404);
    expect(notHers.headers['content-type']).toContain('text/html');
    const verification = await agent.get('/admin/verifikasi');
    expect(verification.text).toContain('Verify development activities');
    expect(verification.text).not.toContain('Seminar Integritas');
    const learner = await givenUser(t, { unitId: medanUnitId });
    expect((await (await signedIn(learner)).get('/admin/penugasan')).status).toBe(403);
  });
});
