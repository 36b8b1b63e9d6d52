import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  draftBankOnQuizPage,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

/**
 * The grading page when a mark is refused or raced, and its history; the quiz form when a
 * draw count or lesson is wrong. What an instructor sees, through the pages.
 */
describe('grading and quiz pages: refusals an instructor can act on', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let colleague: GivenUser;
  let unitId: string;
  let enrolled: GivenInstructorOfUnit['enrolled'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ unitId, instructor, enrolled } = await givenInstructorOfUnit(t));
    colleague = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  const signedIn = async (who: GivenUser) => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, who.username, who.password);
    return agent;
  };
  const section = (html: string, slot: number) =>
    new RegExp(`<section class="card" id="soal-${slot + 1}">([\\s\\S]*?)</section>`)
      .exec(html)![1]
      .replace(/\s+/g, ' ');

  /** A submitted attempt of a two-question quiz: a true/false (graded at once) and a 2-point essay. */
  async function submittedAttempt() {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true },
        { type: 'essay', stem: 'Jelaskan struktur surat dinas.', points: 2 },
      ],
    });
    const added = await asUser(t, instructor).post(`/api/catalog/courses/${course.courseId}/instructors`, {
      userId: colleague.user.id,
    });
    expect(added.status).toBeLessThan(300);
    const learner = await enrolled(course.courseId);
    const as = asUser(t, learner);
    const attempt = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const submitted = await as.post(`/api/assessment/attempts/${attempt.body.id as string}/submit`, {
      responses: { '0': false, '1': 'Kop, nomor, perihal.' },
    });
    expect(submitted.status).toBe(202);
    await t.drain();
    const attemptId = attempt.body.id as string;
    return {
      courseId: course.courseId,
      url: `/pengajar/kursus/${course.courseId}/penilaian/${attemptId}`,
      api: `/api/assessment/courses/${course.courseId}/attempts/${attemptId}`,
    };
  }

  it('gives a refused mark back in its question’s form, with the question and the limit beside it', async () => {
    const { url } = await submittedAttempt();
    const agent = await signedIn(instructor);
    const page = await agent.get(url);
    const refused = await agent
      .post(`${url}/soal/1`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), points: '3', comment: 'Sebutkan juga lampiran.' });
    expect(refused.status).toBe(422);
    const essay = section(refused.text, 1);
    expect(essay).toContain('Soal 2: Nilai paling banyak 2 poin.');
    expect(essay).toContain('>Sebutkan juga lampiran.</textarea>');
    expect(essay).toContain('value="3"');
    // The other question's form is left as it was.
    expect(section(refused.text, 0)).not.toContain('Sebutkan juga lampiran.');

    // An override without its reason keeps what was typed too, and says what is missing where.
    const override = await agent
      .post(`${url}/soal/0`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), points: '1', comment: 'Jawaban dapat diterima.', reason: '' });
    expect(override.status).toBe(422);
    expect(section(override.text, 0)).toContain('Soal 1: Alasan wajib diisi.');
    expect(section(override.text, 0)).toContain('>Jawaban dapat diterima.</textarea>');
  });

  it('refuses an override sent from a page a colleague’s change made stale, and keeps the colleague’s', async () => {
    const { url, api } = await submittedAttempt();
    const a = await signedIn(instructor);
    const b = await signedIn(colleague);
    const pageA = await a.get(url);
    const pageB = await b.get(url);
    const markVersion = (html: string) => /name="markVersion" value="([^"]+)"/.exec(section(html, 0))![1];

    const first = await a
      .post(`${url}/soal/0`)
      .type('form')
      .send({ _csrf: csrfOf(pageA.text), markVersion: markVersion(pageA.text), points: '1', reason: 'Ejaan benar.' });
    expect(first.status).toBe(303);
    const second = await b
      .post(`${url}/soal/0`)
      .type('form')
      .send({
        _csrf: csrfOf(pageB.text),
        markVersion: markVersion(pageB.text),
        points: '0,5',
        reason: 'Setengah benar.',
      });
    expect(second.status).toBe(409);
    expect(second.text).toContain('Nilai ini baru saja diubah oleh rekan Anda; muat ulang halaman.');
    // What B typed stays for them to send again, now knowingly.
    expect(section(second.text, 0)).toContain('value="Setengah benar."');

    const detail = await asUser(t, instructor).get(api);
    expect(detail.body.questions[0].scored).toBe(1);
    expect(detail.body.history).toHaveLength(1);
    expect(detail.body.history[0]).toMatchObject({ reason: 'Ejaan benar.', after: 1 });

    // Through the API too: a stale markVersion is a 409 with a code.
    const stale = await asUser(t, colleague).put(`${api}/slots/0/mark`, {
      points: 0.5,
      reason: 'Setengah benar.',
      markVersion: markVersion(pageB.text),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ASSESSMENT.MARK_CHANGED');
    expect(stale.body.message).toBe('This mark was just changed by someone else; reload the page');
  });

  it('shows who changed a grade and when, to the minute in WIB, and gives their id in the API', async () => {
    const { url, api } = await submittedAttempt();
    const b = await signedIn(colleague);
    const page = await b.get(url);
    const override = await b
      .post(`${url}/soal/0`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), points: '1', reason: 'Ejaan dianggap benar.' });
    expect(override.status).toBe(303);

    const history = await (await signedIn(instructor)).get(url);
    const row = /<li>([^<]*Perubahan nilai[^<]*)<\/li>/.exec(history.text)![1];
    expect(row).toMatch(/^\d{1,2} \w+ \d{4},? (?:pukul )?\d{2}[.:]\d{2} WIB · /);
    expect(row).toContain(` · ${colleague.user.name} · Perubahan nilai · Soal 1 · 0 → 1 · Ejaan dianggap benar.`);
    const detail = await asUser(t, instructor).get(api);
    expect(detail.body.history[0]).toMatchObject({
      kind: 'override',
      byUserId: colleague.user.id,
      byName: colleague.user.name,
    });
  });

  it('shows a regrade in the history as such, by who asked for it, not as its run’s id', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [{ type: 'true_false', stem: 'Netralitas ASN boleh dilanggar.', correct: true }],
    });
    const learner = await enrolled(course.courseId);
    const as = asUser(t, learner);
    const attempt = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as.post(`/api/assessment/attempts/${attempt.body.id as string}/submit`, { responses: { '0': false } });
    await t.drain();
    const api = asUser(t, instructor);
    const fixed = await api.put(`/api/assessment/courses/${course.courseId}/questions/${course.questionIds[0]}`, {
      type: 'true_false',
      stem: 'Netralitas ASN boleh dilanggar.',
      correct: false,
    });
    expect(fixed.status).toBe(200);
    const regrade = await api.post(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades`);
    expect(regrade.status).toBe(202);
    await t.drain();

    const page = await (
      await signedIn(instructor)
    ).get(`/pengajar/kursus/${course.courseId}/penilaian/${attempt.body.id}`);
    const row = /<li>([^<]*Penilaian ulang[^<]*)<\/li>/.exec(page.text)![1];
    expect(row).toContain(` · ${instructor.user.name} · Penilaian ulang · 0 → 1`);
    expect(page.text).not.toContain(`regrade ${regrade.body.id as string}`);
    const detail = await api.get(`/api/assessment/courses/${course.courseId}/attempts/${attempt.body.id}`);
    expect(detail.body.history).toEqual([
      expect.objectContaining({
        kind: 'regrade',
        reason: null,
        regradeId: regrade.body.id,
        byUserId: instructor.user.id,
      }),
    ]);
  });

  it('pages the grading queue past its first hundred essays', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [{ type: 'essay', stem: 'Jelaskan makna Berorientasi Pelayanan.', points: 2 }],
    });
    const learner = await enrolled(course.courseId);
    const as = asUser(t, learner);
    for (let i = 0; i < 101; i++) {
      const attempt = await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      const submitted = await as.post(`/api/assessment/attempts/${attempt.body.id as string}/submit`, {
        responses: { '0': `Jawaban ${i + 1}.` },
      });
      expect(submitted.status).toBe(202);
    }
    await t.drain();
    const agent = await signedIn(instructor);
    const url = `/pengajar/kursus/${course.courseId}/penilaian`;
    const first = await agent.get(url);
    expect(first.text).toContain('Menunggu penilaian esai (101)');
    expect(first.text).not.toContain('Percobaan ke-101');
    const next = `${url}?menunggu=2&amp;gagal=1#menunggu`;
    expect(first.text).toContain(`href="${next}"`);
    const second = await agent.get(next.replace('&amp;', '&'));
    expect(second.text).toContain('Percobaan ke-101');
    expect(second.text).not.toContain('Percobaan ke-100<');
  });

  it('refuses a draw count that is not a whole number of at least one, by its name, and makes no quiz', async () => {
    const { courseId, agent, page } = await draftBankOnQuizPage(
      t,
      instructor,
      'Hitungan Acak',
      'Soal pertama. {T}\n\nSoal kedua. {F}',
    );
    for (const drawCount of ['abc', '-3', '10 so', '0']) {
      const refused = await agent
        .post(`/pengajar/kursus/${courseId}/kuis`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), title: 'Kuis Acak', drawCount, passPercent: '60' });
      expect(refused.status).toBe(422);
      expect(refused.text).toMatch(/<li>Jumlah soal acak (?:harus berupa bilangan bulat|terlalu kecil)\.<\/li>/);
      expect(refused.text).not.toContain('drawCount:');
    }
    const quizzes = await asUser(t, instructor).get(`/api/assessment/courses/${courseId}/quizzes`);
    expect(quizzes.body).toHaveLength(0);
  });

  it('refuses a lesson not in the course, in Indonesian, and makes no quiz', async () => {
    const { courseId, agent, page } = await draftBankOnQuizPage(t, instructor, 'Pelajaran Hilang', 'Soal pertama. {T}');
    const refused = await agent
      .post(`/pengajar/kursus/${courseId}/kuis`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        title: 'Kuis Tanpa Pelajaran',
        passPercent: '60',
        lessonId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(
      'Pelajaran yang dipilih tidak ada di kursus ini; muat ulang halaman lalu pilih lagi.',
    );
    expect(refused.text).not.toMatch(/lessonId:|The lesson is not/);
    const quizzes = await asUser(t, instructor).get(`/api/assessment/courses/${courseId}/quizzes`);
    expect(quizzes.body).toHaveLength(0);
  });

  it('refuses a quiz on a lesson of an archived course, in Indonesian, and makes no quiz', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const agent = await signedIn(instructor);
    const page = await agent.get(`/pengajar/kursus/${course.courseId}/kuis`);
    expect((await asUser(t, instructor).post(`/api/catalog/courses/${course.courseId}/archive`)).status).toBeLessThan(
      300,
    );
    const refused = await agent
      .post(`/pengajar/kursus/${course.courseId}/kuis`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), title: 'Kuis Kedua', passPercent: '60', lessonId: course.quizLessonId });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Kursus yang diarsipkan tidak dapat diubah.');
    const quizzes = await asUser(t, instructor).get(`/api/assessment/courses/${course.courseId}/quizzes`);
    expect(quizzes.body).toEqual([expect.objectContaining({ id: course.quizId })]);
  });
});
