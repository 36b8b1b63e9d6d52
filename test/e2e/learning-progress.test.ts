import { Clock } from '../../libs/common';
import { OutboxMessage } from '../../libs/queue';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { CompetencyEvidence, JpLedgerEntry, LessonProgress } from '../../src/modules/learning/entities';

describe('learning: enrol, learn, resume, complete once, credit the JP ledger', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '36.74');
    instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
  });
  afterAll(() => t.close());

  const newLearner = async (regionCode = '36.74') => givenUser(t, { unitId: (await givenUnit(t, regionCode)).id });
  const as = (who: GivenUser) => asUser(t, who);
  const completeAll = (who: GivenUser, courseId: string, lessonIds: string[]) =>
    Promise.all(lessonIds.map((id) => as(who).post(`/api/learning/courses/${courseId}/lessons/${id}/completion`)));

  it('enrols once however often the learner taps, and shows the course as enrolled', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Kursus Ketuk Ganda' });
    const [a, b] = await Promise.all([
      as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`),
      as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body).toMatchObject({ status: 'active', source: 'self', versionId: course.versionId });
    const listed = await as(learner).get('/api/learning/catalogue?q=Kursus Ketuk Ganda');
    expect(listed.body.items[0]).toMatchObject({ id: course.courseId, myStatus: 'active' });
  });

  it('completes the course exactly once: one ledger entry, evidence per competency, one event', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Manajemen Perubahan',
      jp: 2.5,
      competencies: [
        { code: 'M.05', level: 2 },
        { code: 'M.08', level: 3 },
      ],
      lessons: [true, true, false],
    });
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    const required = course.lessonIds.slice(0, 2);
    // Every required lesson completed three times over, all at once.
    const results = [
      ...(await completeAll(learner, course.courseId, required)),
      ...(await completeAll(learner, course.courseId, [...required, ...required])),
    ];
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.courseNewlyCompleted)).toHaveLength(1);
    expect(results.at(-1)!.body).toMatchObject({ courseCompleted: true, enrolment: { status: 'completed' } });

    const db = t.dataSource;
    expect(
      await db.getRepository(LessonProgress).countBy({ userId: learner.user.id, versionId: course.versionId }),
    ).toBe(2);
    const ledger = await db.getRepository(JpLedgerEntry).findBy({ userId: learner.user.id });
    expect(ledger).toEqual([expect.objectContaining({ jpTenths: 25, source: 'course', title: 'Manajemen Perubahan' })]);
    const evidence = await db
      .getRepository(CompetencyEvidence)
      .find({ where: { userId: learner.user.id }, order: { competencyCode: 'ASC' } });
    expect(evidence.map((e) => [e.competencyCode, e.level])).toEqual([
      ['M.05', 2],
      ['M.08', 3],
    ]);
    const events = await db.getRepository(OutboxMessage).findBy({ jobName: 'learning.course-completed' });
    expect(events.filter((e) => JSON.parse(e.payload).enrolmentId === results[0].body.enrolment.id)).toHaveLength(1);

    const view = await as(learner).get(`/api/learning/ledger`);
    expect(view.body).toMatchObject({ earnedJp: 2.5, targetJp: 20, remainingJp: 17.5, percent: 12, met: false });
    expect(view.body.entries).toEqual([
      expect.objectContaining({ title: 'Manajemen Perubahan', jp: 2.5, source: 'course' }),
    ]);
    await t.drain();
  });

  it('keeps an in-order course locked until the lessons before are done (409)', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, { inOrder: true, lessons: [true, true, true] });
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    const [first, second, third] = course.lessonIds;
    const locked = await as(learner).get(`/api/learning/courses/${course.courseId}/lessons/${second}`);
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('LEARNING.LESSON_LOCKED');
    expect(
      (await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${third}/completion`)).status,
    ).toBe(409);
    await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${first}/completion`);
    const open = await as(learner).get(`/api/learning/courses/${course.courseId}/lessons/${second}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ id: second, bodyHtml: '<p>Isi pelajaran 2</p>', next: { id: third } });
  });

  it('resumes where the learner left off: the last lesson and the video position', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, { lessons: [true, true] });
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    await as(learner).get(`/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[1]}`);
    const saved = await as(learner).put(
      `/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[1]}/position`,
      { seconds: 754 },
    );
    expect(saved.status).toBe(200);
    const page = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(page.body.enrolment.lastLessonId).toBe(course.lessonIds[1]);
    expect(page.body.modules[0].lessons[1].state).toEqual({ completed: false, locked: false, positionSeconds: 754 });
    expect(page.body.modules[0].lessons[1]).not.toHaveProperty('bodyHtml');
    const bad = await as(learner).put(
      `/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[1]}/position`,
      { seconds: -5 },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toEqual([expect.objectContaining({ field: 'seconds', rule: 'min' })]);
  });

  it('refuses lessons to someone not enrolled (404) and lessons of another course (404)', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth);
    const other = await givenPublishedCourse(t, instructor.auth);
    const notEnrolled = await as(learner).get(
      `/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[0]}`,
    );
    expect(notEnrolled.status).toBe(404);
    expect(notEnrolled.body.code).toBe('LEARNING.NOT_ENROLLED');
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    const foreign = await as(learner).post(
      `/api/learning/courses/${course.courseId}/lessons/${other.lessonIds[0]}/completion`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('LEARNING.LESSON_NOT_FOUND');
  });

  it('approval courses: the request waits for a unit admin of the learner’s region', async () => {
    const learner = await newLearner('36.74');
    const course = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'approval' });
    const request = await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    expect(request.body.status).toBe('requested');
    const early = await as(learner).get(`/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[0]}`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('LEARNING.ENROLMENT_PENDING');

    const medanList = await as(medanAdmin).get('/api/learning/enrolment-requests');
    expect(medanList.body.items.map((e: { id: string }) => e.id)).not.toContain(request.body.id);
    expect((await as(medanAdmin).post(`/api/learning/enrolment-requests/${request.body.id}/approval`)).status).toBe(
      404,
    );
    const list = await as(tangselAdmin).get('/api/learning/enrolment-requests');
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(request.body.id);
    const approved = await as(tangselAdmin).post(`/api/learning/enrolment-requests/${request.body.id}/approval`);
    expect(approved.body.status).toBe('active');
    expect((await as(tangselAdmin).post(`/api/learning/enrolment-requests/${request.body.id}/rejection`)).status).toBe(
      409,
    );
    expect(
      (await as(learner).get(`/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[0]}`)).status,
    ).toBe(200);
  });

  it('an admin’s own request is decided by another admin of the region (403 to themselves)', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'approval' });
    const request = await as(tangselAdmin).post(`/api/learning/courses/${course.courseId}/enrolment`);
    expect(request.body.status).toBe('requested');
    for (const decision of ['approval', 'rejection']) {
      const own = await as(tangselAdmin).post(`/api/learning/enrolment-requests/${request.body.id}/${decision}`);
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('LEARNING.ENROLMENT_OWN');
    }
    const colleague = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '36.74',
      unitId: tangselAdmin.user.unitId!,
    });
    const approved = await as(colleague).post(`/api/learning/enrolment-requests/${request.body.id}/approval`);
    expect(approved.body.status).toBe('active');
  });

  it('an approval starts the learner on the version published now, and is refused once the course is archived', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'approval' });
    const early = await newLearner();
    const late = await newLearner();
    const first = await as(early).post(`/api/learning/courses/${course.courseId}/enrolment`);
    const second = await as(late).post(`/api/learning/courses/${course.courseId}/enrolment`);
    await as(instructor).post(`/api/catalog/courses/${course.courseId}/modules/${course.sectionId}/lessons`, {
      title: 'Pelajaran baru',
      kind: 'text',
      bodyHtml: '<p>Baru</p>',
    });
    const v2 = await as(instructor).post(`/api/catalog/courses/${course.courseId}/publish`);
    const approved = await as(tangselAdmin).post(`/api/learning/enrolment-requests/${first.body.id}/approval`);
    expect(approved.status).toBe(200);
    expect(approved.body.versionId).toBe(v2.body.versionId);

    expect((await as(instructor).post(`/api/catalog/courses/${course.courseId}/archive`)).status).toBe(204);
    const refused = await as(tangselAdmin).post(`/api/learning/enrolment-requests/${second.body.id}/approval`);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('LEARNING.COURSE_NOT_FOUND');
    // It can still be turned down, so it leaves the queue.
    expect((await as(tangselAdmin).post(`/api/learning/enrolment-requests/${second.body.id}/rejection`)).status).toBe(
      200,
    );
  });

  it('refuses to enrol after the course deadline (409)', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, { deadline: '2020-01-31' });
    const res = await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEARNING.DEADLINE_PASSED');
  });

  it('takes enrolments all through the deadline day in WIB, and refuses them from the next day', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { deadline: '2027-12-31' });
    const clock = jest.spyOn(t.get(Clock), 'now');
    try {
      clock.mockReturnValue(new Date('2027-12-31T16:30:00.000Z')); // 23:30 WIB on the 31st
      const onTheDay = await as(await newLearner()).post(`/api/learning/courses/${course.courseId}/enrolment`);
      expect(onTheDay.status).toBe(200);
      clock.mockReturnValue(new Date('2027-12-31T17:00:00.000Z')); // 00:00 WIB on 1 January
      const dayAfter = await as(await newLearner()).post(`/api/learning/courses/${course.courseId}/enrolment`);
      expect(dayAfter.status).toBe(409);
    } finally {
      clock.mockRestore();
    }
  });

  it('learners in progress stay on their version until the instructor migrates them, keeping their progress', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, { lessons: [true, true] });
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[0]}/completion`);

    // Version 2 adds a third required lesson.
    const section = course.sectionId;
    await as(instructor).post(`/api/catalog/courses/${course.courseId}/modules/${section}/lessons`, {
      title: 'Pelajaran 3',
      kind: 'text',
      bodyHtml: '<p>Baru</p>',
    });
    const v2 = await as(instructor).post(`/api/catalog/courses/${course.courseId}/publish`);
    expect(v2.body.versionNumber).toBe(2);

    const stays = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(stays.body).toMatchObject({
      versionId: course.versionId,
      progress: { completedRequired: 1, requiredLessons: 2 },
    });
    const newcomer = await newLearner();
    const joined = await as(newcomer).post(`/api/learning/courses/${course.courseId}/enrolment`);
    expect(joined.body.versionId).toBe(v2.body.versionId);

    expect((await as(tangselAdmin).post(`/api/learning/courses/${course.courseId}/learners/migration`)).status).toBe(
      403,
    );
    const migrated = await as(instructor).post(`/api/learning/courses/${course.courseId}/learners/migration`);
    expect(migrated.body).toEqual({ versionId: v2.body.versionId, moved: 1, completed: 0 });
    const moved = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(moved.body).toMatchObject({
      versionId: v2.body.versionId,
      progress: { completedRequired: 1, requiredLessons: 3 },
    });
    expect(moved.body.modules[0].lessons.map((l: { state: { completed: boolean } }) => l.state.completed)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('a migration does not carry "done" onto a lesson that became a quiz: the quiz must still be taken', async () => {
    const learner = await newLearner();
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 2 });
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${course.textLessonIds[0]}/completion`);
    await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${course.textLessonIds[1]}/completion`);

    // Version 2: the first reading becomes a quiz of its own.
    const changed = await as(instructor).put(
      `/api/catalog/courses/${course.courseId}/lessons/${course.textLessonIds[0]}`,
      { title: 'Kuis Awal', kind: 'quiz' },
    );
    expect(changed.status).toBe(200);
    const quiz = await as(instructor).post(`/api/assessment/courses/${course.courseId}/quizzes`, {
      title: 'Kuis Awal',
      slots: course.questionIds.map((questionId) => ({ questionId })),
      passPercent: 60,
    });
    expect(quiz.status).toBe(201);
    const attached = await as(instructor).post(
      `/api/assessment/courses/${course.courseId}/quizzes/${quiz.body.id}/lesson`,
      { lessonId: changed.body.id },
    );
    expect(attached.status).toBeLessThan(300);
    expect((await as(instructor).post(`/api/catalog/courses/${course.courseId}/publish`)).status).toBeLessThan(300);

    const migrated = await as(instructor).post(`/api/learning/courses/${course.courseId}/learners/migration`);
    expect(migrated.body).toMatchObject({ moved: 1, completed: 0 });
    const moved = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(moved.body.modules[0].lessons.map((l: { state: { completed: boolean } }) => l.state.completed)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('a course a migration completes is completed on the day of the migration, not on the day of the old lessons', async () => {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, { lessons: [true, true], jp: 4 });
    await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    const clock = jest.spyOn(t.get(Clock), 'now');
    clock.mockReturnValue(new Date('2025-12-30T03:00:00Z'));
    await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${course.lessonIds[0]}/completion`);
    clock.mockRestore();
    // Version 2 drops the lesson the learner never did: the migration completes the course.
    expect(
      (await as(instructor).del(`/api/catalog/courses/${course.courseId}/lessons/${course.lessonIds[1]}`)).status,
    ).toBeLessThan(300);
    await as(instructor).post(`/api/catalog/courses/${course.courseId}/publish`);
    const migrated = await as(instructor).post(`/api/learning/courses/${course.courseId}/learners/migration`);
    expect(migrated.body).toMatchObject({ moved: 1, completed: 1 });
    const year = new Date().getUTCFullYear();
    const enrolment = (await as(learner).get(`/api/learning/courses/${course.courseId}`)).body.enrolment;
    expect(new Date(enrolment.completedAt).getUTCFullYear()).toBe(year);
    const ledger = await as(learner).get(`/api/learning/ledger?year=2025`);
    expect(ledger.body.earnedJp).toBe(0);
  });

  it('the home page shows courses in progress, assignments with deadlines, JP against the target and competencies', async () => {
    const learner = await newLearner();
    const started = await givenPublishedCourse(t, instructor.auth, {
      title: 'Sedang Dipelajari',
      lessons: [true, true],
    });
    const finished = await givenPublishedCourse(t, instructor.auth, {
      title: 'Sudah Selesai',
      jp: 3,
      competencies: [{ code: 'S.01', level: 2 }],
      lessons: [true],
    });
    await as(learner).post(`/api/learning/courses/${started.courseId}/enrolment`);
    await as(learner).post(`/api/learning/courses/${started.courseId}/lessons/${started.lessonIds[0]}/completion`);
    await as(learner).post(`/api/learning/courses/${finished.courseId}/enrolment`);
    await as(learner).post(`/api/learning/courses/${finished.courseId}/lessons/${finished.lessonIds[0]}/completion`);

    const home = await as(learner).get('/api/learning/home');
    expect(home.status).toBe(200);
    expect(home.body.inProgress).toEqual([expect.objectContaining({ title: 'Sedang Dipelajari', percent: 50 })]);
    expect(home.body.jp).toMatchObject({ earnedJp: 3, targetJp: 20, percent: 15 });
    expect(home.body.competencies).toEqual([expect.objectContaining({ code: 'S.01', level: 2 })]);
  });
});
