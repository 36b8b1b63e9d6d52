import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  draftBankOnQuizPage,
  givenDraftCourse,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import type { QuestionInput } from '../../src/modules/assessment/domain/questions';

/** A single-choice question whose options the tests read back by their texts. */
const ASN_SINGLE: QuestionInput = {
  type: 'single',
  stem: 'Apa kepanjangan ASN?',
  options: [
    { text: 'Aparatur Sipil Negara', correct: true },
    { text: 'Aparat Sipil Nasional' },
    { text: 'Anggota Sipil Negara' },
  ],
};

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
    expect(withBank.text).toContain('2 soal ditambahkan ke bank soal.');
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

  /** The options, prompts, choices and items an attempt showed, by their texts. */
  const idsByText = (attempt: Record<string, unknown>) => {
    const ids = new Map<string, string>();
    for (const q of attempt.questions as Array<Record<string, Array<{ id: string; text: string }> | undefined>>) {
      for (const list of [q.options, q.prompts, q.choices, q.items]) for (const c of list ?? []) ids.set(c.text, c.id);
    }
    return (text: string) => ids.get(text)!;
  };
  const section = (html: string, slot: number) =>
    new RegExp(`<section class="card" id="soal-${slot + 1}">([\\s\\S]*?)</section>`)
      .exec(html)![1]
      .replace(/\s+/g, ' ');

  it('shows the instructor scores to the hundredth, never rounded up past the pass mark', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true, points: 17.49 },
        { type: 'true_false', stem: 'SKP disusun setiap tahun.', correct: true, points: 7.51 },
      ],
      quiz: { passPercent: 70 },
    });
    const learner = await givenUser(t, { unitId });
    const as = asUser(t, learner);
    await as.post(`/api/learning/courses/${course.courseId}/enrolment`);
    const attempt = ok(await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`));
    await as.post(`/api/assessment/attempts/${attempt.id as string}/submit`, { responses: { '0': true, '1': false } });
    await t.drain();
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const detail = await agent.get(`/pengajar/kursus/${course.courseId}/penilaian/${attempt.id as string}`);
    // 17.49 of 25 is 69.96 %, short of the 70 % pass mark: it must not read as 70.
    expect(detail.text.replace(/\s+/g, ' ')).toContain('17,49 / 25 (69,96%)');
    expect(section(detail.text, 0)).toContain('17,49');
  });

  it('shows the instructor the texts of what the learner answered and of the key, and the history in words', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        ASN_SINGLE,
        {
          type: 'multiple',
          stem: 'Mana nilai dasar ASN?',
          options: [{ text: 'Jujur', correct: true }, { text: 'Curang' }, { text: 'Disiplin', correct: true }],
        },
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true },
        { type: 'numeric', stem: 'Nilai pi sampai dua desimal?', answer: 3.14, tolerance: 0.01 },
        {
          type: 'matching',
          stem: 'Pasangkan provinsi dengan ibu kotanya.',
          pairs: [
            { prompt: 'Jawa Barat', match: 'Bandung' },
            { prompt: 'Jawa Timur', match: 'Surabaya' },
          ],
        },
        { type: 'ordering', stem: 'Urutkan siklus kebijakan.', items: ['Perencanaan', 'Pelaksanaan', 'Evaluasi'] },
        { type: 'short', stem: 'Dasar negara Indonesia adalah …', answers: ['Pancasila'] },
        { type: 'essay', stem: 'Jelaskan makna pelayanan publik.', rubric: [{ criterion: 'Isi', points: 1 }] },
      ],
      quiz: { shuffleOptions: true },
    });
    const learner = await givenUser(t, { unitId });
    const as = asUser(t, learner);
    await as.post(`/api/learning/courses/${course.courseId}/enrolment`);
    const attempt = ok(await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`));
    const id = idsByText(attempt);
    const submitted = await as.post(`/api/assessment/attempts/${attempt.id as string}/submit`, {
      responses: {
        '0': id('Aparat Sipil Nasional'),
        '1': [id('Jujur'), id('Curang')],
        '2': false,
        '3': '3,2',
        '4': { [id('Jawa Barat')]: id('Surabaya'), [id('Jawa Timur')]: id('Bandung') },
        '5': [id('Evaluasi'), id('Pelaksanaan'), id('Perencanaan')],
        '6': 'UUD 1945',
        '7': 'Melayani warga dengan ramah.',
      },
    });
    expect(submitted.status).toBe(202);
    await t.drain();

    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const url = `/pengajar/kursus/${course.courseId}/penilaian/${attempt.id as string}`;
    const detail = await agent.get(url);
    expect(detail.status).toBe(200);
    const shown = [
      ['Aparat Sipil Nasional', 'Aparatur Sipil Negara'],
      ['Jujur · Curang', 'Jujur · Disiplin'],
      ['Salah', 'Benar'],
      ['3,2', '3,14 ± 0,01'],
      ['Jawa Barat → Surabaya · Jawa Timur → Bandung', 'Jawa Barat → Bandung · Jawa Timur → Surabaya'],
      ['1. Evaluasi · 2. Pelaksanaan · 3. Perencanaan', '1. Perencanaan · 2. Pelaksanaan · 3. Evaluasi'],
      ['UUD 1945', 'Pancasila'],
    ];
    shown.forEach(([response, key], slot) => {
      const html = section(detail.text, slot);
      expect(html).toContain(`Jawaban peserta: <span class="answer">${response}</span>`);
      expect(html).toContain(`Jawaban benar: ${key}</p>`);
    });
    expect(section(detail.text, 7)).toContain('Melayani warga dengan ramah.');
    // No option's own id, and no raw JSON, is left for the instructor to decode.
    for (const q of attempt.questions as Array<Record<string, Array<{ id: string }> | undefined>>) {
      for (const list of [q.options, q.choices, q.items])
        for (const c of list ?? []) expect(detail.text).not.toContain(c.id);
    }
    expect(detail.text).not.toMatch(/<code>|&quot;answer&quot;/);

    const essay = await agent
      .post(`${url}/soal/7`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), points: '1' });
    expect(essay.status).toBe(303);
    const marked = await agent.get(url);
    const override = await agent
      .post(`${url}/soal/0`)
      .type('form')
      .send({ _csrf: csrfOf(marked.text), points: '1', reason: 'Ejaan dianggap benar.' });
    expect(override.status).toBe(303);
    const history = await agent.get(url);
    expect(history.text).toMatch(/· Penilaian esai · Soal 8 · – → 1</);
    expect(history.text).toMatch(/· Perubahan nilai · Soal 1 · 0 → 1 · Ejaan dianggap benar\./);

    const english = browserAgent(t);
    await english.get('/bahasa?ke=en&next=/masuk');
    await signInThroughPages(english, instructor.username, instructor.password);
    const inEnglish = await english.get(url);
    expect(section(inEnglish.text, 2)).toContain('<span class="answer">False</span>');
    expect(inEnglish.text).toContain('· Essay graded ·');
    expect(inEnglish.text).toContain('· Grade changed ·');
  });

  it('counts the answers of item statistics under the options’ texts', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        ASN_SINGLE,
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true },
        {
          type: 'multiple',
          stem: 'Mana nilai dasar ASN?',
          options: [{ text: 'Jujur', correct: true }, { text: 'Curang' }, { text: 'Disiplin', correct: true }],
        },
      ],
      quiz: { shuffleOptions: true },
    });
    const answers = [
      (id: (text: string) => string) => ({
        '0': id('Aparatur Sipil Negara'),
        '1': true,
        '2': [id('Jujur'), id('Disiplin')],
      }),
      (id: (text: string) => string) => ({ '1': false, '2': [id('Curang')] }),
      (id: (text: string) => string) => ({ '0': id('Aparatur Sipil Negara'), '1': true, '2': [id('Disiplin')] }),
    ];
    for (const answer of answers) {
      const learner = await givenUser(t, { unitId });
      const as = asUser(t, learner);
      await as.post(`/api/learning/courses/${course.courseId}/enrolment`);
      const attempt = ok(await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`));
      const submitted = await as.post(`/api/assessment/attempts/${attempt.id as string}/submit`, {
        responses: answer(idsByText(attempt)),
      });
      expect(submitted.status).toBe(202);
    }
    await t.drain();

    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const url = `/pengajar/kursus/${course.courseId}/kuis/${course.quizId}/statistik`;
    const stats = await agent.get(url);
    expect(stats.status).toBe(200);
    expect(stats.text).toContain('3 percobaan yang sudah dinilai');
    const cells = [...stats.text.matchAll(/<td>([^<]*)<\/td><\/tr>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      'Aparatur Sipil Negara: 2 · Aparat Sipil Nasional: 0 · Anggota Sipil Negara: 0 · Tidak dijawab: 1',
      'Benar: 2 · Salah: 1 · Tidak dijawab: 0',
      'Jujur: 1 · Curang: 1 · Disiplin: 2 · Tidak dijawab: 0',
    ]);
    expect(stats.text).not.toContain('unanswered');

    const english = browserAgent(t);
    await english.get('/bahasa?ke=en&next=/masuk');
    await signInThroughPages(english, instructor.username, instructor.password);
    const inEnglish = await english.get(url);
    expect(inEnglish.text).toContain('True: 2 · False: 1 · Unanswered: 0');
  });

  it('makes a quiz of every question of a bank larger than one page, and pages the bank', async () => {
    const gift = Array.from({ length: 130 }, (_, i) => `Pernyataan nomor ${i + 1} benar. {T}`).join('\n\n');
    const { courseId, agent } = await draftBankOnQuizPage(t, instructor, 'Bank Besar', gift);
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
    const { courseId, agent, page } = await draftBankOnQuizPage(
      t,
      instructor,
      'Form Kembali',
      'Satu-satunya soal. {T}',
    );
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
    // The draw too large for the bank, said in Indonesian by the form's own name for it.
    expect(refused.text).not.toContain('slots.0.count');
    expect(refused.text).toContain(
      'Jumlah soal acak melebihi soal yang tersedia: bank soal hanya memuat 1 soal yang cocok, sedangkan diminta 20.',
    );
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
