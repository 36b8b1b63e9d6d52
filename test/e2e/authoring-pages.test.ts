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
});
