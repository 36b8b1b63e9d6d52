import {
  browserAgent,
  createTestApp,
  csrfOf,
  givenDraftCourse,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

describe('the instructor’s pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
  });
  afterAll(() => t.close());

  it('creates, fills and publishes a course through forms, showing what is missing first', async () => {
    const unit = await givenUnit(t, '36.74');
    const instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);

    const list = await agent.get('/pengajar/kursus');
    expect(list.status).toBe(200);
    const token = csrfOf(list.text);
    const invalid = await agent.post('/pengajar/kursus').type('form').send({ _csrf: token, title: 'AB', jp: '0' });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('title');
    expect(invalid.text).toContain('value="AB"');

    const created = await agent.post('/pengajar/kursus').type('form').send({
      _csrf: token,
      title: 'Kearsipan Dinamis',
      summary: 'Arsip aktif dan inaktif.',
      jp: '1,5',
      'level_M.02': '2',
      audience: 'regions',
      regions: '36.74',
      enrolmentMode: 'self',
    });
    expect(created.status).toBe(303);
    const url = created.headers.location as string;
    const edit = await agent.get(url);
    expect(edit.text).toContain('Kearsipan Dinamis');
    expect(edit.text).toContain('value="36.74"');

    const early = await agent
      .post(`${url}/terbitkan`)
      .type('form')
      .send({ _csrf: csrfOf(edit.text) });
    expect(early.status).toBe(422);
    expect(early.text).toContain('add at least one lesson');

    await agent
      .post(`${url}/modul`)
      .type('form')
      .send({ _csrf: csrfOf(edit.text), title: 'Modul 1' });
    const withModule = await agent.get(url);
    const sectionId = /\/modul\/([0-9a-f-]{36})\/pelajaran/.exec(withModule.text)![1];
    const lesson = await agent
      .post(`${url}/modul/${sectionId}/pelajaran`)
      .type('form')
      .send({
        _csrf: csrfOf(withModule.text),
        title: 'Jadwal retensi',
        kind: 'text',
        required: 'on',
        bodyHtml: '<p>JRA</p>',
      });
    expect(lesson.status).toBe(303);
    const published = await agent
      .post(`${url}/terbitkan`)
      .type('form')
      .send({ _csrf: csrfOf(withModule.text) });
    expect(published.headers.location).toContain('ok=published');
    expect((await agent.get(published.headers.location)).text).toContain('Kursus diterbitkan sebagai versi 1.');
  });

  it('is closed to learners (403) and to other instructors’ courses (404)', async () => {
    const unit = await givenUnit(t, '36.74');
    const owner = await givenUser(t, { role: 'instructor', unitId: unit.id });
    const other = await givenUser(t, { role: 'instructor', unitId: unit.id });
    const learner = await givenUser(t, { unitId: unit.id });
    const course = await t
      .http()
      .post('/api/catalog/courses')
      .set('authorization', owner.auth)
      .send({
        title: 'Milik orang',
        summary: '-',
        jp: 1,
        competencies: [],
        audience: { everyone: true },
        enrolmentMode: 'self',
      });
    const asOther = browserAgent(t);
    await signInThroughPages(asOther, other.username, other.password);
    expect((await asOther.get(`/pengajar/kursus/${course.body.courseId}`)).status).toBe(404);
    const asLearner = browserAgent(t);
    await signInThroughPages(asLearner, learner.username, learner.password);
    expect((await asLearner.get('/pengajar/kursus')).status).toBe(403);
  });

  it('adds a co-instructor by NIP, takes a cover image, and shows the cover to learners who may see the course', async () => {
    const unit = await givenUnit(t, '36.74');
    const owner = await givenUser(t, { role: 'instructor', unitId: unit.id });
    const colleague = await givenUser(t, { role: 'instructor', unitId: unit.id });
    const learner = await givenUser(t, { unitId: unit.id });
    const course = await givenPublishedCourse(t, owner.auth, { audience: { everyone: false, regions: ['36.74'] } });
    const agent = browserAgent(t);
    await signInThroughPages(agent, owner.username, owner.password);
    const url = `/pengajar/kursus/${course.courseId}`;
    const edit = await agent.get(url);

    const notAnInstructor = await agent
      .post(`${url}/pengajar`)
      .type('form')
      .send({ _csrf: csrfOf(edit.text), login: learner.user.nipDisplay });
    expect(notAnInstructor.status).toBe(422);
    expect(notAnInstructor.text).toContain('login');
    const added = await agent
      .post(`${url}/pengajar`)
      .type('form')
      .send({ _csrf: csrfOf(edit.text), login: colleague.user.nipDisplay });
    expect(added.status).toBe(303);
    const withTeam = await agent.get(url);
    expect(withTeam.text).toContain(colleague.user.name);
    expect(withTeam.text).toContain('pengajar pendamping');

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const cover = await agent
      .post(`${url}/sampul?_csrf=${encodeURIComponent(csrfOf(withTeam.text))}`)
      .attach('file', png, { filename: 'sampul.png', contentType: 'image/png' });
    expect(cover.status).toBe(303);
    // The cover belongs to the new draft; the learner sees it once that draft is published.
    await t.http().post(`/api/catalog/courses/${course.courseId}/publish`).set('authorization', owner.auth);

    const learnerAgent = browserAgent(t);
    await signInThroughPages(learnerAgent, learner.username, learner.password);
    const page = await learnerAgent.get(`/kursus/${course.courseId}`);
    expect(page.text).toContain(`src="/kursus/${course.courseId}/sampul"`);
    const image = await learnerAgent.get(`/kursus/${course.courseId}/sampul`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    const outsider = await givenUser(t, { unitId: (await givenUnit(t, '75.71')).id });
    const outsiderAgent = browserAgent(t);
    await signInThroughPages(outsiderAgent, outsider.username, outsider.password);
    expect((await outsiderAgent.get(`/kursus/${course.courseId}/sampul`)).status).toBe(404);

    const removed = await agent
      .post(`${url}/pengajar/${colleague.user.id}/hapus`)
      .type('form')
      .send({ _csrf: csrfOf(withTeam.text) });
    expect(removed.status).toBe(303);
    expect((await agent.get(url)).text).not.toContain(colleague.user.name);
  });

  it('gives a refused lesson back in its module, open and filled in as it was sent', async () => {
    const unit = await givenUnit(t, '36.74');
    const instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    const { courseId, sectionId } = await givenDraftCourse(t, instructor.auth, { title: 'Regulasi ASN' });
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/pengajar/kursus/${courseId}`);
    const refused = await agent
      .post(`/pengajar/kursus/${courseId}/modul/${sectionId}/pelajaran`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), title: 'Tautan Regulasi', kind: 'link', externalUrl: 'peraturan.go.id' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('value="Tautan Regulasi"');
    expect(refused.text).toContain('<option value="link" selected>');
    expect(refused.text).toContain('value="peraturan.go.id"');
    expect(refused.text).toMatch(/<details open>\s*<summary>[^<]*Modul 1/);
  });
});
