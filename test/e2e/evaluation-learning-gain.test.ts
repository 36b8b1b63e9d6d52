import {
  asUser,
  browserAgent,
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
  signInThroughPages,
  TestApp,
  usesRedis,
} from '../../libs/testing';

/** Kirkpatrick L2 on the course's evaluation: pre-test vs post-test, per course and per competency. */
describe(`evaluation: learning gain (L2) (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '75.71', 'training_unit')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  const ok = (res: { status: number; body: Record<string, unknown> }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** A course with a pre-test, a text lesson and a post-test on the sample questions, published. */
  async function givenPrePostCourse(title: string, competency: { code: string; level: number }) {
    const api = asUser(t, instructor);
    const { courseId, sectionId } = await givenDraftCourse(t, instructor.auth, { title, competencies: [competency] });
    const lessons = `/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`;
    const preLesson = ok(await api.post(lessons, { title: 'Pre-test', kind: 'quiz' })).id as string;
    const textLesson = ok(await api.post(lessons, { title: 'Materi', kind: 'text', bodyHtml: '<p>Isi</p>' }))
      .id as string;
    const postLesson = ok(await api.post(lessons, { title: 'Post-test', kind: 'quiz' })).id as string;
    const ids: string[] = [];
    for (const q of SAMPLE_QUESTIONS)
      ids.push(ok(await api.post(`/api/assessment/courses/${courseId}/questions`, q)).id as string);
    const quiz = async (quizTitle: string, role: string, lessonId: string) => {
      const id = ok(
        await api.post(`/api/assessment/courses/${courseId}/quizzes`, {
          title: quizTitle,
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
    return { courseId, pre, post, textLesson };
  }

  async function takeCourse(
    course: { courseId: string; pre: string; post: string; textLesson: string },
    preAnswers: Record<string, unknown>,
    postAnswers: Record<string, unknown>,
  ) {
    const learner = await givenUser(t, { unitId });
    const as = asUser(t, learner);
    ok(await as.post(`/api/learning/courses/${course.courseId}/enrolment`));
    const preAttempt = ok(await as.post(`/api/assessment/quizzes/${course.pre}/attempts`));
    await as.post(`/api/assessment/attempts/${preAttempt.id as string}/submit`, {
      responses: inAttempt(preAttempt, preAnswers),
    });
    await t.drain();
    await as.post(`/api/learning/courses/${course.courseId}/lessons/${course.textLesson}/completion`);
    const postAttempt = ok(await as.post(`/api/assessment/quizzes/${course.post}/attempts`));
    await as.post(`/api/assessment/attempts/${postAttempt.id as string}/submit`, {
      responses: inAttempt(postAttempt, postAnswers),
    });
    await t.drain();
  }

  it('shows the pre/post gain of the course and of its competency, as computed by hand', async () => {
    const first = await givenPrePostCourse('Manajemen Risiko', { code: 'M.08', level: 3 });
    const second = await givenPrePostCourse('Pengambilan Keputusan Lanjutan', { code: 'M.08', level: 4 });
    // First course: 0 → 100 and 100 → 100. Second course: 0 → 100.
    await takeCourse(first, SAMPLE_WRONG, SAMPLE_RIGHT);
    await takeCourse(first, SAMPLE_RIGHT, SAMPLE_RIGHT);
    await takeCourse(second, SAMPLE_WRONG, SAMPLE_RIGHT);

    const results = await asUser(t, instructor).get(`/api/evaluation/courses/${first.courseId}/results`);
    expect(results.status).toBe(200);
    // Two learners: pre (0 + 100) / 2 = 50, post 100, gain (100 + 0) / 2 = 50; Hake's gain only for pre < 100: 1.
    expect(results.body.learning).toEqual({
      courseId: first.courseId,
      learners: 2,
      preMean: 50,
      postMean: 100,
      gainMean: 50,
      normalisedGainMean: 1,
    });
    // M.08 over both courses: pre (0 + 100 + 0) / 3 = 33.33, gain (100 + 0 + 100) / 3 = 66.67.
    expect(results.body.competencies).toEqual([
      {
        code: 'M.08',
        level: 3,
        courses: 2,
        learners: 3,
        preMean: 33.33,
        postMean: 100,
        gainMean: 66.67,
        normalisedGainMean: 1,
      },
    ]);
    expect(results.body.reaction.requested).toBe(2); // the first course's two completions, not the second's

    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/evaluasi/kursus/${first.courseId}`);
    expect(page.status).toBe(200);
    const text = page.text.replace(/\s+/g, ' ');
    expect(text).toContain('<caption id="l2-kursus">Kursus ini</caption>');
    expect(text).toContain('<th scope="row">Peserta dengan kedua tes</th><td>2</td>');
    expect(text).toContain('<th scope="row">Rata-rata pre-test</th><td>50</td>');
    expect(text).toContain('Kompetensi M.08 (level 3), 2 kursus');
    expect(text).toContain('<th scope="row">Rata-rata pre-test</th><td>33,33</td>');
    expect(text).toContain('<th scope="row">Peningkatan (poin)</th><td>66,67</td>');
  });
});
