import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  givenQuizCourse,
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
} from '../../libs/testing';

/** The quiz pages without script: the plain form saves, submits and shows the result. */
describe('the quiz pages', () => {
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

  async function learnerIn(courseId: string) {
    const learner = await givenUser(t, { unitId });
    await asUser(t, learner).post(`/api/learning/courses/${courseId}/enrolment`);
    const agent = browserAgent(t);
    await signInThroughPages(agent, learner.username, learner.password);
    return { learner, agent };
  }

  /** The ids the attempt page gives the three options of the first question (the sample's), in the order shown. */
  function optionIdsOf(html: string) {
    const ids = [...html.matchAll(/name="r0" value="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    return ids;
  }

  it('starts from the lesson, saves the form, submits, and shows the graded result with its review', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0 });
    const { agent } = await learnerIn(course.courseId);
    const lesson = await agent.get(`/kursus/${course.courseId}/pelajaran/${course.quizLessonId}`);
    expect(lesson.text).toContain(`href="/kuis/${course.quizId}"`);

    const intro = await agent.get(`/kuis/${course.quizId}`);
    expect(intro.status).toBe(200);
    expect(intro.text).toContain('3 soal');
    expect(intro.text).toContain('Nilai lulus: 60%');
    const started = await agent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    expect(started.status).toBe(303);
    const attemptUrl = started.headers.location as string;

    const form = await agent.get(attemptUrl);
    expect(form.text).toContain('Apa kepanjangan ASN?');
    expect(form.text).not.toMatch(/correct|Pancasila/);
    const [right] = optionIdsOf(form.text);
    const saved = await agent
      .post(`${attemptUrl}/simpan`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), r0: right, r1: 'true', r2: '' });
    expect(saved.status).toBe(303);
    const again = await agent.get(saved.headers.location as string);
    expect(again.text).toContain('Tersimpan.');
    expect(again.text).toContain(`value="${right}" checked`);

    const submitted = await agent
      .post(`${attemptUrl}/kirim`)
      .type('form')
      .send({ _csrf: csrfOf(again.text), r0: right, r1: 'true', r2: 'Pancasila' });
    expect(submitted.status).toBe(303);
    const waiting = await agent.get(attemptUrl);
    expect(waiting.text).toMatch(/sedang dinilai|Hasil:/);
    await t.drain();
    const result = await agent.get(attemptUrl);
    expect(result.text).toContain('Hasil: 3 dari 3 poin (100%)');
    expect(result.text).toContain('Lulus');
    expect(result.text).toContain('Selamat! Kursus selesai');
    expect(result.text).toContain('Jawaban benar');
  });

  it('background autosave answers JSON, and a save after submit is a conflict the script reloads on', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const { agent } = await learnerIn(course.courseId);
    const intro = await agent.get(`/kuis/${course.quizId}`);
    const started = await agent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    const attemptUrl = started.headers.location as string;
    const page = await agent.get(attemptUrl);
    const token = csrfOf(page.text);
    const [right, wrong] = optionIdsOf(page.text);
    const save = await agent
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', token)
      .type('form')
      .send({ r0: wrong });
    expect(save.status).toBe(200);
    expect(save.body).toMatchObject({ revision: 1, savedAt: expect.any(String) });
    const bad = await agent
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', token)
      .type('form')
      .send({ r0: 'zz' });
    expect(bad.status).toBe(422);
    expect(bad.body.fields[0].field).toBe('responses.0');
    await agent.post(`${attemptUrl}/kirim`).type('form').send({ _csrf: token });
    const late = await agent
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', token)
      .type('form')
      .send({ r0: right });
    expect(late.status).toBe(409);
    await t.drain();
  });

  it('saves every other answer while an ordering question is half done, and names it on submit', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      questions: [
        SAMPLE_QUESTIONS[0],
        { type: 'ordering', stem: 'Urutkan tahap SKP', items: ['Perencanaan', 'Pelaksanaan', 'Penilaian'] },
      ],
      quiz: { shuffleQuestions: false },
    });
    const { learner, agent } = await learnerIn(course.courseId);
    const intro = await agent.get(`/kuis/${course.quizId}`);
    const started = await agent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    const attemptUrl = started.headers.location as string;
    const page = await agent.get(attemptUrl);
    const items = [...page.text.matchAll(/name="r1\.([^"]+)"/g)].map((m) => m[1]);
    expect(items).toHaveLength(3);
    const [right, wrong] = optionIdsOf(page.text);
    const token = csrfOf(page.text);

    // Autosave with one of three items placed: the other answer is still stored.
    const autosave = await agent
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', token)
      .type('form')
      .send({ r0: wrong, [`r1.${items[0]}`]: '1' });
    expect(autosave.status).toBe(200);

    const submitted = await agent
      .post(`${attemptUrl}/kirim`)
      .type('form')
      .send({ _csrf: token, r0: right, [`r1.${items[0]}`]: '1', [`r1.${items[1]}`]: '1' });
    expect(submitted.status).toBe(422);
    expect(submitted.text).toContain('Soal 2: beri setiap butir nomor urut sendiri sebelum mengirim.');
    // Not submitted, and the answer typed with it is kept.
    expect(submitted.text).toContain(`value="${right}" checked`);
    const state = await asUser(t, learner).get(`/api/assessment/attempts/${attemptUrl.split('/').pop()}`);
    expect(state.body).toMatchObject({ status: 'in_progress', responses: { '0': right } });
    expect(state.body.responses).not.toHaveProperty('1');
  });

  it("judges by the quiz's grading method: a good second attempt does not pass an averaged quiz, and the page does not keep reloading", async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      quiz: { gradingMethod: 'average', passPercent: 70, attemptsAllowed: 3 },
    });
    const { learner, agent } = await learnerIn(course.courseId);
    const as = asUser(t, learner);
    const take = async (responses: Record<string, unknown>) => {
      const started = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      await as.post(`/api/assessment/attempts/${started.body.id as string}/submit`, {
        responses: inAttempt(started.body, responses),
      });
      await t.drain();
      return started.body.id as string;
    };
    await take(SAMPLE_WRONG); // 0 %
    const second = await take(SAMPLE_RIGHT); // 100 %: the average is 50 %

    const page = await agent.get(`/kuis/percobaan/${second}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Nilai Anda: 50%');
    expect(page.text).toContain('Belum lulus');
    expect(page.text).not.toMatch(/<strong>[^<]*Lulus</);
    expect(page.text).not.toContain('http-equiv="refresh"');
  });

  it('gives a pre-test its score and no verdict, on its pages and in the notification', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { quiz: { role: 'pre', showScore: 'after_grading' } });
    const { learner, agent } = await learnerIn(course.courseId);
    const as = asUser(t, learner);
    const started = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as.post(`/api/assessment/attempts/${started.body.id as string}/submit`, {
      responses: inAttempt(started.body, SAMPLE_WRONG),
    });
    await t.drain();

    const attemptPage = await agent.get(`/kuis/percobaan/${started.body.id as string}`);
    expect(attemptPage.text).toContain('(0%)');
    const intro = await agent.get(`/kuis/${course.quizId}`);
    expect(intro.text).toContain('Nilai Anda: 0%');
    for (const page of [attemptPage, intro]) expect(page.text).not.toMatch(/[Bb]elum lulus/);
    const told = (await as.get('/api/notifications')).body.items as Array<{ category: string; lines: string[] }>;
    const graded = told.find((n) => n.category === 'quiz-graded')!;
    expect(graded.lines.join(' ')).toContain('0%');
    expect(graded.lines.join(' ')).not.toMatch(/lulus/);
  });

  it('shows when a quiz closes and when a timed attempt ends to the minute, in WIB', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      quiz: { closesAt: '2027-10-05T07:00:00.000Z', timeLimitMinutes: 30 },
    });
    const { agent } = await learnerIn(course.courseId);
    const intro = await agent.get(`/kuis/${course.quizId}`);
    expect(intro.text).toContain('5 Oktober 2027 pukul 14.00 WIB');
    const started = await agent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    const attempt = await agent.get(started.headers.location as string);
    expect(attempt.text).toMatch(/Batas waktu: \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
  });

  it('shows someone else’s attempt as not found', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const first = await learnerIn(course.courseId);
    const intro = await first.agent.get(`/kuis/${course.quizId}`);
    const started = await first.agent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    const other = await learnerIn(course.courseId);
    const res = await other.agent.get(started.headers.location as string);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
