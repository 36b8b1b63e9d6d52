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

  it('finds a course for the assignment and certificate pickers by its title, beyond the newest ones listed', async () => {
    await givenPublishedCourse(t, instructor.auth, { title: 'Arsip Statis Lama', enrolmentMode: 'assigned' });
    await givenPublishedCourse(t, instructor.auth, { title: 'Keuangan Daerah', enrolmentMode: 'assigned' });
    const agent = await signedIn(medanAdmin);
    for (const base of ['/admin/penugasan', '/admin/sertifikat']) {
      const found = await agent.get(`${base}?cari=${encodeURIComponent('Arsip Statis')}`);
      expect(found.status).toBe(200);
      expect(found.text).toContain('name="cari"');
      expect(found.text).toContain('Arsip Statis Lama');
      expect(found.text).not.toContain('Keuangan Daerah');
    }
    // A refused assignment keeps the search, so the chosen course is still in the list.
    const page = await agent.get(`/admin/penugasan?cari=${encodeURIComponent('Arsip Statis')}`);
    const refused = await agent
      .post('/admin/penugasan')
      .type('form')
      .send({ _csrf: csrfOf(page.text), cari: 'Arsip Statis', deadline: '2020-01-01', regionCode: '12.71' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('value="Arsip Statis"');
    expect(refused.text).not.toContain('Keuangan Daerah');
  });

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
    const nip = String(learner.user.nip);
    expect(page.text).toContain(`NIP ${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}`);
    expect(page.text).toContain(`href="/api/learning/external-activities/${first.body.id}/evidence"`);

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

  it('keeps another region’s items out of sight (404 pages) and learners out (403)', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Kursus Khusus Medan' });
    const created = await t
      .http()
      .post('/api/learning/assignments')
      .set('authorization', medanAdmin.auth)
      .send({ courseId: course.courseId, filter: {} });
    await t.drain();
    const medanLearner = await givenUser(t, { unitId: medanUnitId });
    const activity = await t
      .http()
      .post('/api/learning/external-activities')
      .set('authorization', medanLearner.auth)
      .field('formCode', 'seminar')
      .field('title', 'Seminar Khusus Medan')
      .field('organiser', 'BPSDM Sumut')
      .field('startDate', '2026-10-05')
      .field('endDate', '2026-10-06')
      .field('days', '2')
      .attach('file', Buffer.from('%PDF-1.4\n'), { filename: 'bukti.pdf', contentType: 'application/pdf' });
    expect(activity.status).toBe(201);
    const approvalCourse = await givenPublishedCourse(t, instructor.auth, {
      title: 'Kursus Berpersetujuan Medan',
      enrolmentMode: 'approval',
    });
    const request = await t
      .http()
      .post(`/api/learning/courses/${approvalCourse.courseId}/enrolment`)
      .set('authorization', medanLearner.auth);
    expect(request.body.status).toBe('requested');

    const gorontaloAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '75.71',
      unitId: (await givenUnit(t, '75.71')).id,
    });
    const agent = await signedIn(gorontaloAdmin);
    const assignments = await agent.get('/admin/penugasan');
    expect(assignments.status).toBe(200);
    expect(assignments.text).not.toContain(created.body.id);
    // (the course itself reaches every region, so it is in the course select; the Medan run is not listed)
    const verification = await agent.get('/admin/verifikasi');
    expect(verification.text).not.toContain('Seminar Khusus Medan');
    expect(verification.text).not.toContain(medanLearner.user.name);
    const requests = await agent.get('/admin/permintaan');
    expect(requests.text).not.toContain(medanLearner.user.name);
    expect(requests.text).not.toContain('Kursus Berpersetujuan Medan');

    const csrf = csrfOf(assignments.text);
    const notHers = [
      await agent.get(`/admin/penugasan/${created.body.id}`),
      await agent.post(`/admin/penugasan/${created.body.id}/jalankan`).type('form').send({ _csrf: csrf }),
      await agent.post(`/admin/verifikasi/${activity.body.id}/setujui`).type('form').send({ _csrf: csrf }),
      await agent
        .post(`/admin/verifikasi/${activity.body.id}/tolak`)
        .type('form')
        .send({ _csrf: csrf, reason: 'Bukan wilayah saya' }),
      await agent.post(`/admin/permintaan/${request.body.id}/setujui`).type('form').send({ _csrf: csrf }),
      await agent.post(`/admin/permintaan/${request.body.id}/tolak`).type('form').send({ _csrf: csrf }),
    ];
    for (const res of notHers) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    }
    // Nothing changed: the Medan admin still sees the activity and the request waiting.
    const medan = await signedIn(medanAdmin);
    expect((await medan.get('/admin/verifikasi')).text).toContain('Seminar Khusus Medan');
    expect((await medan.get('/admin/permintaan')).text).toContain('Kursus Berpersetujuan Medan');

    const learner = await givenUser(t, { unitId: medanUnitId });
    const learnerAgent = await signedIn(learner);
    for (const path of ['/admin/penugasan', '/admin/verifikasi', '/admin/permintaan']) {
      expect((await learnerAgent.get(path)).status).toBe(403);
    }
  });

  it('serves every page under 100 KB, in Bahasa Indonesia by default and in English with lang=en', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Kursus Dwibahasa' });
    const created = await t
      .http()
      .post('/api/learning/assignments')
      .set('authorization', medanAdmin.auth)
      .send({ courseId: course.courseId, filter: {} });
    await t.drain();
    const pages: [string, string, string][] = [
      ['/admin/penugasan', 'Penugasan kursus', 'Course assignments'],
      [`/admin/penugasan/${created.body.id}`, 'Penugasan Kursus Dwibahasa', 'Assignment of Kursus Dwibahasa'],
      ['/admin/verifikasi', 'Verifikasi kegiatan pengembangan', 'Verify development activities'],
      ['/admin/permintaan', 'Permintaan pendaftaran kursus', 'Course enrolment requests'],
    ];
    const indonesian = await signedIn(medanAdmin);
    const english = await signedIn(medanAdmin, 'en');
    for (const [path, id, en] of pages) {
      const inId = await indonesian.get(path);
      expect(inId.status).toBe(200);
      expect(Buffer.byteLength(inId.text)).toBeLessThan(100 * 1024);
      expect(inId.text).toContain('<html lang="id">');
      expect(inId.text).toContain(`<h1>${id}</h1>`);
      expect(inId.text.match(/<h1[ >]/g)).toHaveLength(1);

      const inEn = await english.get(path);
      expect(inEn.status).toBe(200);
      expect(Buffer.byteLength(inEn.text)).toBeLessThan(100 * 1024);
      expect(inEn.text).toContain('<html lang="en">');
      expect(inEn.text).toContain(`<h1>${en}</h1>`);
    }
  });
});
