import {
  asUser,
  browserAgent,
  createTestApp,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

const fiveLevels = [1, 2, 3, 4, 5].map((level) => ({
  level,
  description: `Arsip tingkat ${level}`,
  indicators: [`Perilaku ${level}`],
}));
const CODE = 'T.ARS.01';
const competency = { name: 'Kearsipan Manual', definition: 'Mengelola arsip kertas.', levels: fiveLevels };

const courseBody = (title: string) => ({
  title,
  summary: 'Ringkasan kursus.',
  jp: 2,
  competencies: [{ code: CODE, level: 2 }],
  audience: { everyone: true },
  enrolmentMode: 'self',
  inOrder: false,
  deadline: null,
});

describe('a retired competency', () => {
  let t: TestApp;
  let national: GivenUser;
  let instructor: GivenUser;
  let learner: GivenUser;
  let keptCourseId: string;
  const as = (who: GivenUser) => asUser(t, who);

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unitId = (await givenUnit(t, '36.74')).id;
    national = await givenUser(t, { role: 'national_admin' });
    instructor = await givenUser(t, { role: 'instructor', unitId });
    learner = await givenUser(t, { unitId });
    expect((await as(national).post('/api/competencies', { code: CODE, ...competency })).status).toBe(201);
    const kept = await as(instructor).post('/api/catalog/courses', courseBody('Arsip Lama'));
    expect(kept.status).toBe(201);
    keptCourseId = kept.body.courseId;
    const retired = await as(national).put(`/api/competencies/${CODE}`, { ...competency, active: false });
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
  });
  afterAll(() => t.close());

  it('cannot be chosen for a new course, a plan goal or an external activity (422 naming the field)', async () => {
    const course = await as(instructor).post('/api/catalog/courses', courseBody('Arsip Baru'));
    expect(course.status).toBe(422);
    expect(course.body.details.fields).toEqual([
      expect.objectContaining({ field: 'competencies.0.code', rule: 'active' }),
    ]);

    const plan = await as(learner).post('/api/development-plans/me', {});
    const goal = await as(learner).post(`/api/development-plans/${plan.body.id}/goals`, {
      version: plan.body.version,
      competencyCode: CODE,
      targetLevel: 3,
      priority: 'high',
    });
    expect(goal.status).toBe(422);
    expect(goal.body.details.fields).toEqual([expect.objectContaining({ field: 'competencyCode', rule: 'active' })]);

    const external = await t
      .http()
      .post('/api/learning/external-activities')
      .set('authorization', learner.auth)
      .field('formCode', 'seminar')
      .field('title', 'Seminar Kearsipan')
      .field('organiser', 'ANRI')
      .field('startDate', '2026-10-05')
      .field('endDate', '2026-10-05')
      .field('days', '1')
      .field('competencyCode', CODE)
      .field('level', '2')
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'sertifikat.pdf', contentType: 'application/pdf' });
    expect(external.status).toBe(422);
    expect(external.body.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'competencyCode', rule: 'active' })]),
    );
  });

  it('stays on a course that already had it, and its form still shows it', async () => {
    const saved = await as(instructor).put(`/api/catalog/courses/${keptCourseId}`, courseBody('Arsip Lama (revisi)'));
    expect(saved.status).toBe(200);
    expect(saved.body.competencies).toEqual([expect.objectContaining({ code: CODE, level: 2 })]);

    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    expect((await agent.get(`/pengajar/kursus/${keptCourseId}`)).text).toContain(`name="level_${CODE}"`);
    const newCourseForm = await agent.get('/pengajar/kursus');
    expect(newCourseForm.text).toContain('name="level_M.01"');
    expect(newCourseForm.text).not.toContain(`name="level_${CODE}"`);
  });

  it('is no longer offered in the catalogue filter', async () => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, learner.username, learner.password);
    const catalogue = await agent.get('/katalog');
    expect(catalogue.status).toBe(200);
    expect(catalogue.text).toContain('<option value="M.01"');
    expect(catalogue.text).not.toContain(`<option value="${CODE}"`);
  });
});
