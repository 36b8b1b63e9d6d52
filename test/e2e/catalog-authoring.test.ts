import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';

const draft = (overrides: object = {}) => ({
  title: 'Pelayanan Publik Prima',
  summary: 'Standar pelayanan dan pengelolaan pengaduan.',
  jp: 4,
  competencies: [{ code: 'M.05', level: 3 }],
  audience: { everyone: true },
  enrolmentMode: 'self',
  ...overrides,
});

describe('catalog: instructors build, publish and version courses', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let colleague: GivenUser;
  let learner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '36.74');
    instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    colleague = await givenUser(t, { role: 'instructor', unitId: unit.id });
    learner = await givenUser(t, { unitId: unit.id });
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);

  it('creates a draft that learners do not see, with every field kept', async () => {
    const res = await as(instructor).post('/api/catalog/courses', draft({ inOrder: true, deadline: '2027-12-31' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      courseStatus: 'draft',
      versionNumber: 1,
      title: 'Pelayanan Publik Prima',
      jp: 4,
      enrolmentMode: 'self',
      inOrder: true,
      competencies: [{ code: 'M.05', pillar: 'manajerial', level: 3 }],
      instructors: [{ userId: instructor.user.id, role: 'owner' }],
    });
    const catalogue = await as(learner).get('/api/learning/catalogue?q=Pelayanan Publik Prima');
    expect(catalogue.body.items.map((c: { id: string }) => c.id)).not.toContain(res.body.courseId);
    const mine = await as(instructor).get('/api/catalog/courses');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(res.body.courseId);
  });

  it.each([
    [{ jp: 0 }, 'jp', 'min'],
    [{ jp: 1.25 }, 'jp', 'isNumber'],
    [{ enrolmentMode: 'open' }, 'enrolmentMode', 'isIn'],
    [{ audience: { everyone: false, regions: ['Medan'] } }, 'audience.regions', 'matches'],
    [{ competencies: [{ code: 'M.05', level: 6 }] }, 'competencies.0.level', 'max'],
    [{ role: 'national_admin' }, 'role', 'unknown_field'],
    // ISO 8601 forms that are not a calendar day: once an Invalid Date (a 500 on MySQL).
    [{ deadline: '2026-W52-1' }, 'deadline', 'isCalendarDate'],
    [{ deadline: '2026-001' }, 'deadline', 'isCalendarDate'],
    [{ deadline: '2026-02-30' }, 'deadline', 'isCalendarDate'],
  ])('refuses %j naming %s (%s)', async (change, field, rule) => {
    const res = await as(instructor).post('/api/catalog/courses', draft(change));
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it('refuses a competency that is not in the dictionary with 422', async () => {
    const res = await as(instructor).post(
      '/api/catalog/courses',
      draft({ competencies: [{ code: 'X.99', level: 1 }] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.details.fields).toEqual([
      expect.objectContaining({ field: 'competencies.0.code', rule: 'exists' }),
    ]);
  });

  it('will not publish an empty course and says what is missing', async () => {
    const created = await as(instructor).post(
      '/api/catalog/courses',
      draft({ audience: { everyone: false }, competencies: [] }),
    );
    const res = await as(instructor).post(`/api/catalog/courses/${created.body.courseId}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'modules',
      'competencies',
      'audience',
    ]);
  });

  it('keeps a long lesson whole (beyond the 64 KB of a MySQL TEXT column)', async () => {
    const created = await as(instructor).post('/api/catalog/courses', draft());
    const id = created.body.courseId;
    const section = await as(instructor).post(`/api/catalog/courses/${id}/modules`, { title: 'Modul Panjang' });
    const paragraph = '<p>Pasal demi pasal Undang-Undang ASN dibahas satu per satu dengan contohnya.</p>';
    const body = paragraph.repeat(Math.ceil(150_000 / paragraph.length)).slice(0, 150_000 - 4) + '</p>';
    const lesson = await as(instructor).post(`/api/catalog/courses/${id}/modules/${section.body.id}/lessons`, {
      title: 'Materi lengkap',
      kind: 'text',
      bodyHtml: body,
    });
    expect(lesson.status).toBe(201);
    const read = await as(instructor).get(`/api/catalog/courses/${id}`);
    const stored = read.body.modules[0].lessons[0].bodyHtml as string;
    expect(stored.length).toBeGreaterThan(140_000);
  });

  it('sanitises lesson HTML on save', async () => {
    const created = await as(instructor).post('/api/catalog/courses', draft());
    const id = created.body.courseId;
    const section = await as(instructor).post(`/api/catalog/courses/${id}/modules`, { title: 'Modul 1' });
    const lesson = await as(instructor).post(`/api/catalog/courses/${id}/modules/${section.body.id}/lessons`, {
      title: 'Bacaan',
      kind: 'text',
      bodyHtml:
        '<p onclick="steal()">Halo <a href="javascript:alert(1)">tautan</a></p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    expect(lesson.status).toBe(201);
    expect(lesson.body.bodyHtml).toContain('Halo');
    expect(lesson.body.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:/i);
  });

  it('names what a lesson of each kind lacks when publishing', async () => {
    const created = await as(instructor).post('/api/catalog/courses', draft());
    const id = created.body.courseId;
    const section = await as(instructor).post(`/api/catalog/courses/${id}/modules`, { title: 'Modul 1' });
    const add = (body: object) =>
      as(instructor).post(`/api/catalog/courses/${id}/modules/${section.body.id}/lessons`, body);
    await add({ title: 'Video', kind: 'video' });
    await add({ title: 'Dokumen', kind: 'document' });
    const link = await add({ title: 'Tautan', kind: 'link' });
    expect(link.status).toBe(400);
    expect(link.body.details.fields).toEqual([expect.objectContaining({ field: 'externalUrl', rule: 'required' })]);
    await add({ title: 'Kuis', kind: 'quiz' });
    const res = await as(instructor).post(`/api/catalog/courses/${id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.details.fields.map((f: { message: string }) => f.message)).toEqual([
      'Video: upload a video or give its URL',
      'Dokumen: upload the document',
      'Kuis: attach a quiz',
    ]);
  });

  it('publishes version 1, and an edit opens version 2 while learners still get version 1', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Etika Birokrasi' });
    const listed = await as(learner).get('/api/learning/catalogue?q=Etika Birokrasi');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: course.courseId, versionId: course.versionId })]);

    const edited = await as(instructor).put(
      `/api/catalog/courses/${course.courseId}`,
      draft({ title: 'Etika Birokrasi (revisi)' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      versionNumber: 2,
      versionStatus: 'draft',
      hasDraft: true,
      title: 'Etika Birokrasi (revisi)',
    });
    const page = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(page.body).toMatchObject({ versionId: course.versionId, versionNumber: 1, title: 'Etika Birokrasi' });

    // A lesson edited by its published id lands in the draft, not in the frozen version.
    const lesson = await as(instructor).put(`/api/catalog/courses/${course.courseId}/lessons/${course.lessonIds[0]}`, {
      title: 'Pelajaran 1 (baru)',
      kind: 'text',
      bodyHtml: '<p>Isi baru</p>',
    });
    expect(lesson.status).toBe(200);
    expect(lesson.body.id).not.toBe(course.lessonIds[0]);

    const republished = await as(instructor).post(`/api/catalog/courses/${course.courseId}/publish`);
    expect(republished.body.versionNumber).toBe(2);
    const after = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(after.body).toMatchObject({ versionNumber: 2, title: 'Etika Birokrasi (revisi)' });
    expect(after.body.modules[0].lessons[0].title).toBe('Pelajaran 1 (baru)');
  });

  it('lets a co-instructor edit, and hides the course from other instructors (404) and learners (403)', async () => {
    const course = await givenPublishedCourse(t, instructor.auth);
    expect((await as(colleague).get(`/api/catalog/courses/${course.courseId}`)).status).toBe(404);
    expect((await as(learner).get(`/api/catalog/courses/${course.courseId}`)).status).toBe(403);
    const added = await as(instructor).post(`/api/catalog/courses/${course.courseId}/instructors`, {
      userId: colleague.user.id,
    });
    expect(added.body.instructors).toEqual(
      expect.arrayContaining([
        { userId: colleague.user.id, role: 'co' },
        { userId: instructor.user.id, role: 'owner' },
      ]),
    );
    const edit = await as(colleague).put(
      `/api/catalog/courses/${course.courseId}`,
      draft({ title: 'Disunting rekan' }),
    );
    expect(edit.status).toBe(200);
    const notInstructor = await as(instructor).post(`/api/catalog/courses/${course.courseId}/instructors`, {
      userId: learner.user.id,
    });
    expect(notInstructor.status).toBe(404);
  });

  it('reorders the lessons and modules of a published course by the ids it shows, opening the draft', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { lessons: [true, true, true] });
    const shown = await as(instructor).get(`/api/catalog/courses/${course.courseId}`);
    const published = shown.body.modules[0].lessons.map((l: { id: string }) => l.id);
    expect(published).toEqual(course.lessonIds);
    const reordered = await as(instructor).put(
      `/api/catalog/courses/${course.courseId}/modules/${course.sectionId}/lessons/order`,
      { ids: [...published].reverse() },
    );
    expect(reordered.status).toBeLessThan(300);
    const modules = await as(instructor).put(`/api/catalog/courses/${course.courseId}/modules/order`, {
      ids: [course.sectionId],
    });
    expect(modules.status).toBeLessThan(300);
    const draft = await as(instructor).get(`/api/catalog/courses/${course.courseId}`);
    expect(draft.body.modules[0].lessons.map((l: { title: string }) => l.title)).toEqual(
      shown.body.modules[0].lessons.map((l: { title: string }) => l.title).reverse(),
    );
  });

  it('archives: the course leaves the catalogue and cannot be edited', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Kursus Diarsipkan' });
    expect((await as(instructor).post(`/api/catalog/courses/${course.courseId}/archive`)).status).toBe(204);
    const listed = await as(learner).get('/api/learning/catalogue?q=Kursus Diarsipkan');
    expect(listed.body.items).toEqual([]);
    const edit = await as(instructor).put(`/api/catalog/courses/${course.courseId}`, draft());
    expect(edit.status).toBe(409);
  });
});
