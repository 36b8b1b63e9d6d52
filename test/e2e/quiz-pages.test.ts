import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  csrfOf,
  enrolledLearnerOnPages,
  givenQuizCourse,
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

  const learnerIn = (courseId: string) => enrolledLearnerOnPages(t, courseId, unitId);

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

  /** The page's text with its markup's line breaks and indents folded into single spaces. */
  const flat = (html: string) => html.replace(/\s+/g, ' ');

  it("reviews each question with the learner's own answer and the feedback of the options they chose", async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        {
          type: 'single',
          stem: 'Apa kepanjangan ASN?',
          options: [
            { text: 'Aparatur Sipil Negara', correct: true, feedback: 'Benar, sesuai UU ASN.' },
            { text: 'Aparat Sipil Nasional', feedback: 'Bukan: ASN adalah aparatur, bukan aparat.' },
            { text: 'Anggota Sipil Negara', feedback: 'Bukan anggota.' },
          ],
        },
        {
          type: 'multiple',
          stem: 'Mana yang termasuk nilai dasar BerAKHLAK?',
          options: [
            { text: 'Berorientasi pelayanan', correct: true, feedback: 'Ya, huruf B.' },
            { text: 'Akuntabel', correct: true },
            { text: 'Otoriter', feedback: 'Tidak termasuk nilai dasar.' },
          ],
        },
        { type: 'true_false', stem: 'PNS wajib mengikuti pengembangan kompetensi.', correct: true },
        { type: 'short', stem: 'Dasar negara Indonesia adalah …', answers: ['Pancasila'] },
        { type: 'essay', stem: 'Jelaskan makna melayani.', rubric: [{ criterion: 'Isi', points: 1 }] },
      ],
      quiz: { shuffleQuestions: false },
    });
    const { learner, agent } = await learnerIn(course.courseId);
    const as = asUser(t, learner);
    const started = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as.post(`/api/assessment/attempts/${started.body.id as string}/submit`, {
      responses: inAttempt(started.body, { '0': 'b', '1': ['a', 'c'], '2': false, '3': 'UUD 1945' }),
    });
    await t.drain();

    const page = flat((await agent.get(`/kuis/percobaan/${started.body.id as string}`)).text);
    expect(page).toContain('Pembahasan');
    expect(page).toContain('Jawaban Anda: Aparat Sipil Nasional');
    expect(page).toContain('Aparat Sipil Nasional</em>: Bukan: ASN adalah aparatur, bukan aparat.');
    expect(page).toContain('Jawaban Anda: Berorientasi pelayanan · Otoriter');
    expect(page).toContain('Berorientasi pelayanan</em>: Ya, huruf B.');
    expect(page).toContain('Otoriter</em>: Tidak termasuk nilai dasar.');
    expect(page).toContain('Jawaban Anda: Salah');
    expect(page).toContain('Jawaban Anda: <span class="answer-text">UUD 1945</span>');
    expect(page).toContain('Jawaban Anda: <em>Tidak dijawab</em>');
    // Only the feedback of what was chosen.
    expect(page).not.toContain('Benar, sesuai UU ASN.');
    expect(page).not.toContain('Bukan anggota.');
  });

  it('shows no answers or their feedback where the quiz does not allow a review', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0, quiz: { showAnswers: 'never' } });
    const { learner, agent } = await learnerIn(course.courseId);
    const as = asUser(t, learner);
    const started = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as.post(`/api/assessment/attempts/${started.body.id as string}/submit`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    await t.drain();
    const page = flat((await agent.get(`/kuis/percobaan/${started.body.id as string}`)).text);
    expect(page).toContain('Hasil: 3 dari 3 poin (100%)');
    expect(page).not.toMatch(/Pembahasan|Jawaban Anda|Benar\.|Aparatur Sipil Negara/);
  });

  it('shows points and percentages to the hundredth, never rounded up past the pass mark', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { ...SAMPLE_QUESTIONS[0], points: 17.49 },
        { type: 'true_false', stem: 'PNS wajib mengikuti pengembangan kompetensi.', correct: true, points: 7.26 },
        { type: 'true_false', stem: 'SKP disusun setiap tahun.', correct: true, points: 0.25 },
      ],
      quiz: { shuffleQuestions: false, passPercent: 70 },
    });
    const { learner, agent } = await learnerIn(course.courseId);
    const as = asUser(t, learner);
    const started = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const attemptUrl = `/kuis/percobaan/${started.body.id as string}`;
    const form = flat((await agent.get(attemptUrl)).text);
    expect(form).toContain('0,25 poin');
    expect(form).toContain('17,49 poin');
    // 17.49 of 25 points is 69.96 %: not yet the 70 % needed.
    await as.post(`/api/assessment/attempts/${started.body.id as string}/submit`, {
      responses: inAttempt(started.body, { '0': 'a', '1': false, '2': false }),
    });
    await t.drain();
    const result = flat((await agent.get(attemptUrl)).text);
    expect(result).toContain('Hasil: 17,49 dari 25 poin (69,96%)');
    expect(result).toContain('Nilai Anda: 69,96% · <strong>Belum lulus</strong>');
    expect(result).toContain('Skor: 0 dari 0,25');
    expect(result).not.toMatch(/\b70%(?! )|\(70%\)|0,3\b/);
    const intro = flat((await agent.get(`/kuis/${course.quizId}`)).text);
    expect(intro).toContain('Nilai lulus: 70%');
    expect(intro).toContain('Nilai Anda: 69,96% · Belum lulus');
    expect(intro).toContain('· 69,96%');
  });

  it('says why a form was refused, in the page’s language, and leads back to the page it came from', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      quiz: { opensAt: '2030-01-10T01:00:00.000Z', closesAt: '2030-01-20T08:00:00.000Z' },
    });
    const { agent } = await learnerIn(course.courseId);
    const clock = jest.spyOn(t.get(Clock), 'now');
    try {
      clock.mockReturnValue(new Date('2030-01-20T07:59:00.000Z'));
      const introUrl = `/kuis/${course.quizId}`;
      const intro = await agent.get(introUrl);
      // The learner taps "Mulai kuis" a minute too late: the quiz closed meanwhile.
      clock.mockReturnValue(new Date('2030-01-20T08:01:00.000Z'));
      const late = await agent
        .post(`/kuis/${course.quizId}/mulai`)
        .set('referer', (intro as unknown as { request: { url: string } }).request.url)
        .type('form')
        .send({ _csrf: csrfOf(intro.text) });
      expect(late.status).toBe(409);
      expect(late.text).toContain('Kuis ini sudah ditutup.');
      expect(late.text).not.toContain('Kode permintaan');
      expect(late.text).toContain(`href="${introUrl}"`);
    } finally {
      clock.mockRestore();
    }
  });

  it('offers no start before the quiz opens or after it closes, and says when it opens or closed, by the server clock', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      quiz: { opensAt: '2030-01-10T01:00:00.000Z', closesAt: '2030-01-20T08:00:00.000Z' },
    });
    const { learner, agent } = await learnerIn(course.courseId);
    const clock = jest.spyOn(t.get(Clock), 'now');
    // The intro says where the window stands by the rule starting checks (the page only shows it).
    const windowState = async () =>
      (await asUser(t, learner).get(`/api/assessment/quizzes/${course.quizId}`)).body.windowState;
    try {
      clock.mockReturnValue(new Date('2030-01-09T00:00:00.000Z'));
      await expect(windowState()).resolves.toBe('not_open');
      const early = await agent.get(`/kuis/${course.quizId}`);
      expect(early.status).toBe(200);
      expect(flat(early.text)).toContain('Kuis ini baru dibuka 10 Januari 2030 pukul 08.00 WIB.');
      expect(early.text).not.toContain('Mulai kuis');
      expect(early.text).not.toContain(`action="/kuis/${course.quizId}/mulai"`);

      clock.mockReturnValue(new Date('2030-01-20T08:00:00.000Z'));
      await expect(windowState()).resolves.toBe('closed');
      const late = await agent.get(`/kuis/${course.quizId}`);
      expect(late.status).toBe(200);
      expect(flat(late.text)).toContain('Kuis ini sudah ditutup sejak 20 Januari 2030 pukul 15.00 WIB');
      expect(late.text).not.toContain('Mulai kuis');
      await agent.get('/bahasa?ke=en&next=/');
      const english = await agent.get(`/kuis/${course.quizId}`);
      expect(flat(english.text)).toMatch(
        /This quiz closed 20 January 2030 (at )?15:00 WIB and can no longer be started\./,
      );
      await agent.get('/bahasa?ke=id&next=/');

      clock.mockReturnValue(new Date('2030-01-15T00:00:00.000Z'));
      await expect(windowState()).resolves.toBe('open');
      const open = await agent.get(`/kuis/${course.quizId}`);
      expect(open.text).toContain('Mulai kuis');
      expect(open.text).not.toMatch(/Kuis ini (baru dibuka|sudah ditutup)/);
      const started = await agent
        .post(`/kuis/${course.quizId}/mulai`)
        .type('form')
        .send({ _csrf: csrfOf(open.text) });
      expect(started.status).toBe(303);
    } finally {
      clock.mockRestore();
    }
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
