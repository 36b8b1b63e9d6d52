import {
  asUser,
  createTestApp,
  givenDraftCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  inAttempt,
  SAMPLE_QUESTIONS,
  SAMPLE_RIGHT,
  SAMPLE_WRONG,
  TestApp,
} from '../../libs/testing';

/** A pre-test and a post-test in one course: the pre-test counts once taken; the pair gives the learning gain. */
describe('assessment: pre-test and post-test', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '75.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  const ok = (res: { status: number; body: Record<string, unknown> }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('completes the pre-test lesson whatever the score, the course on passing the post-test, and reports the gain', async () => {
    const api = asUser(t, instructor);
    const { courseId, sectionId: section } = await givenDraftCourse(t, instructor.auth, {
      title: 'Manajemen Risiko',
      jp: 4,
      competencies: [{ code: 'M.05', level: 3 }],
      inOrder: true,
    });
    const lessons = `/api/catalog/courses/${courseId}/modules/${section}/lessons`;
    const preLesson = ok(await api.post(lessons, { title: 'Pre-test', kind: 'quiz' })).id as string;
    const textLesson = ok(await api.post(lessons, { title: 'Materi', kind: 'text', bodyHtml: '<p>Risiko</p>' }))
      .id as string;
    const postLesson = ok(await api.post(lessons, { title: 'Post-test', kind: 'quiz' })).id as string;
    const ids: string[] = [];
    for (const q of SAMPLE_QUESTIONS)
      ids.push(ok(await api.post(`/api/assessment/courses/${courseId}/questions`, q)).id as string);
    const quiz = async (title: string, role: string, lessonId: string) => {
      const id = ok(
        await api.post(`/api/assessment/courses/${courseId}/quizzes`, {
          title,
          role,
          slots: ids.map((questionId) => ({ questionId })),
          shuffleOptions: false,
          passPercent: 70,
        }),
      ).id as string;
      ok(await api.post(`/api/assessment/courses/${courseId}/quizzes/${id}/lesson`, { lessonId }));
      return id;
    };
    const pre = await quiz('Pre-test', 'pre', preLesson);
    const post = await quiz('Post-test', 'post', postLesson);
    ok(await api.post(`/api/catalog/courses/${courseId}/publish`));

    const learner = await givenUser(t, { unitId });
    const as = asUser(t, learner);
    await as.post(`/api/learning/courses/${courseId}/enrolment`);
    // In-order course: the post-test is locked until the lessons before it are done.
    const early = await as.post(`/api/assessment/quizzes/${post}/attempts`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('LEARNING.LESSON_LOCKED');

    const preAttempt = ok(await as.post(`/api/assessment/quizzes/${pre}/attempts`));
    await as.post(`/api/assessment/attempts/${preAttempt.id as string}/submit`, {
      responses: inAttempt(preAttempt, SAMPLE_WRONG),
    });
    await t.drain();
    const afterPre = await as.get(`/api/learning/courses/${courseId}`);
    const state = (id: string) =>
      afterPre.body.modules[0].lessons.find((l: { id: string }) => l.id === id).state as { completed: boolean };
    expect(state(preLesson).completed).toBe(true);

    await as.post(`/api/learning/courses/${courseId}/lessons/${textLesson}/completion`);
    const postAttempt = ok(await as.post(`/api/assessment/quizzes/${post}/attempts`));
    await as.post(`/api/assessment/attempts/${postAttempt.id as string}/submit`, {
      responses: inAttempt(postAttempt, SAMPLE_RIGHT),
    });
    await t.drain();
    expect((await as.get(`/api/learning/courses/${courseId}`)).body.enrolment.status).toBe('completed');

    const gain = await api.get(`/api/assessment/courses/${courseId}/learning-gain`);
    expect(gain.body).toEqual({
      courseId,
      learners: 1,
      preMean: 0,
      postMean: 100,
      gainMean: 100,
      normalisedGainMean: 1,
    });
  });
});
