import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  givenDraftCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

/** An instructor builds the bank and a quiz through the pages, and grades an essay there. */
describe('the instructor’s quiz pages', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  const ok = (res: { status: number; body: Record<string, unknown> }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('pastes GIFT, creates a quiz on the quiz lesson, publishes, grades an essay from the queue', async () => {
    const api = asUser(t, instructor);
    const { courseId, sectionId } = await givenDraftCourse(t, instructor.auth, { title: 'Menulis Naskah Dinas' });
    const lesson = ok(
      await api.post(`/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`, {
        title: 'Ujian akhir',
        kind: 'quiz',
      }),
    );

    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Bank soal masih kosong');

    const broken = await agent
      .post(`/pengajar/kursus/${courseId}/kuis/soal`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), gift: 'Soal rusak {=a' });
    expect(broken.status).toBe(422);
    expect(broken.text).toContain('Baris 1:');

    const gift = [
      'Naskah dinas ditandatangani oleh pejabat berwenang. {T}',
      '',
      'Jelaskan struktur surat dinas yang baik. {}',
    ].join('\n');
    const imported = await agent
      .post(`/pengajar/kursus/${courseId}/kuis/soal`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), gift });
    expect(imported.status).toBe(303);
    const withBank = await agent.get(imported.headers.location as string);
    expect(withBank.text).toContain('Soal ditambahkan ke bank soal.');
    expect(withBank.text).toContain('Bank soal (2 soal)');

    const created = await agent
      .post(`/pengajar/kursus/${courseId}/kuis`)
      .type('form')
      .send({
        _csrf: csrfOf(withBank.text),
        title: 'Ujian Naskah Dinas',
        passPercent: '50',
        timeLimitMinutes: '20',
        gradingMethod: 'highest',
        showScore: 'after_grading',
        showAnswers: 'after_grading',
        role: 'post',
        shuffleOptions: 'on',
        lessonId: lesson.id,
      });
    expect(created.status).toBe(303);
    const quizzes = ok(await api.get(`/api/assessment/courses/${courseId}/quizzes`)) as unknown as Array<{
      id: string;
    }>;
    expect(quizzes).toHaveLength(1);
    const published = await api.post(`/api/catalog/courses/${courseId}/publish`);
    expect(published.status).toBe(200);

    const learner = await givenUser(t, { unitId });
    const as = asUser(t, learner);
    await as.post(`/api/learning/courses/${courseId}/enrolment`);
    const attempt = ok(await as.post(`/api/assessment/quizzes/${quizzes[0].id}/attempts`));
    // Answered by slot as the attempt froze them: the quiz's order follows the bank's ids.
    const slotOf = (type: string) =>
      String((attempt.questions as Array<{ slot: number; type: string }>).find((q) => q.type === type)!.slot);
    const submitted = await as.post(`/api/assessment/attempts/${attempt.id as string}/submit`, {
      responses: {
        [slotOf('true_false')]: true,
        [slotOf('essay')]: 'Kop, nomor, perihal, isi, penutup, tanda tangan.',
      },
    });
    expect(submitted.status).toBe(202);
    await t.drain();

    const queue = await agent.get(`/pengajar/kursus/${courseId}/penilaian`);
    expect(queue.text).toContain('Menunggu penilaian esai (1)');
    expect(queue.text).toContain(learner.user.name);
    const detail = await agent.get(`/pengajar/kursus/${courseId}/penilaian/${attempt.id as string}`);
    expect(detail.text).toContain('Kop, nomor, perihal');
    const marked = await agent
      .post(`/pengajar/kursus/${courseId}/penilaian/${attempt.id as string}/soal/${slotOf('essay')}`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), points: '0,5', comment: 'Sebutkan juga lampiran.' });
    expect(marked.status).toBe(303);
    const after = await agent.get(marked.headers.location as string);
    expect(after.text).toContain('sudah dinilai');
    expect(after.text).toContain('1,5 / 2');

    const stats = await agent.get(`/pengajar/kursus/${courseId}/kuis/${quizzes[0].id}/statistik`);
    expect(stats.status).toBe(200);
    expect(stats.text).toContain('1 percobaan yang sudah dinilai');
  });

  it('makes a quiz of every question of a bank larger than one page, and pages the bank', async () => {
    const { courseId } = await givenDraftCourse(t, instructor.auth, { title: 'Bank Besar' });
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    const gift = Array.from({ length: 130 }, (_, i) => `Pernyataan nomor ${i + 1} benar. {T}`).join('\n\n');
    const imported = await agent
      .post(`/pengajar/kursus/${courseId}/kuis/soal`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), gift });
    expect(imported.status).toBe(303);
    const first = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    expect(first.text).toContain('Bank soal (130 soal)');
    expect(first.text).toContain(`href="/pengajar/kursus/${courseId}/kuis?halaman=2#bank"`);
    const second = await agent.get(`/pengajar/kursus/${courseId}/kuis?halaman=2`);
    expect(second.text).toContain('<ol class="list" start="101">');
    expect(second.text).toContain('Pernyataan nomor 130 benar.');
    expect(second.text).not.toContain('Pernyataan nomor 100 benar.');

    const created = await agent
      .post(`/pengajar/kursus/${courseId}/kuis`)
      .type('form')
      .send({ _csrf: csrfOf(first.text), title: 'Semua Soal', passPercent: '60', drawCount: '' });
    expect(created.status).toBe(303);
    const quizzes = await asUser(t, instructor).get(`/api/assessment/courses/${courseId}/quizzes`);
    const quiz = (quizzes.body.items ?? quizzes.body).find((q: { title: string }) => q.title === 'Semua Soal');
    expect(quiz.slots).toHaveLength(130);
  });

  it('gives a refused quiz form back as it was sent, choices and boxes included', async () => {
    const { courseId } = await givenDraftCourse(t, instructor.auth, { title: 'Form Kembali' });
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    await agent
      .post(`/pengajar/kursus/${courseId}/kuis/soal`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), gift: 'Satu-satunya soal. {T}' });
    const refused = await agent
      .post(`/pengajar/kursus/${courseId}/kuis`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        title: 'Pre-test Rata-rata',
        drawCount: '20',
        passPercent: '60',
        gradingMethod: 'average',
        showScore: 'never',
        showAnswers: 'never',
        role: 'pre',
        shuffleQuestions: 'on',
      });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('value="Pre-test Rata-rata"');
    for (const chosen of ['average', 'pre']) expect(refused.text).toContain(`<option value="${chosen}" selected>`);
    expect(refused.text).toMatch(/name="showScore">(?:(?!<\/select>).)*<option value="never" selected>/s);
    expect(refused.text).toContain('name="shuffleQuestions" checked');
    expect(refused.text).not.toContain('name="shuffleOptions" checked');
  });

  it('keeps another instructor out with a not-found page', async () => {
    const other = await givenUser(t, { role: 'instructor', unitId });
    const course = await givenDraftCourse(t, instructor.auth, { title: 'Kursus Tertutup' });
    const agent = browserAgent(t);
    await signInThroughPages(agent, other.username, other.password);
    for (const path of ['kuis', 'penilaian']) {
      const res = await agent.get(`/pengajar/kursus/${course.courseId}/${path}`);
      expect(res.status).toBe(404);
    }
  });
});
