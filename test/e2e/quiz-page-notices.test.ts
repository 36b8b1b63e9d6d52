import {
  asUser,
  browserAgent,
  BrowserAgent,
  createTestApp,
  csrfOf,
  givenDraftCourse,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  GivenUser,
  inAttempt,
  okBody,
  SAMPLE_QUESTIONS,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import { RegradesService } from '../../src/modules/assessment/grading/regrades.service';
import { Question } from '../../src/modules/assessment/entities';
import { In } from 'typeorm';

/** What the instructor's and the learner's quiz pages say about what the services now tell. */
describe('quiz pages: what the services report, in words', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let enrolled: GivenInstructorOfUnit['enrolled'];
  let agent: BrowserAgent;

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor, enrolled } = await givenInstructorOfUnit(t));
    agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
  });
  afterAll(() => t.close());

  /** Pastes GIFT on the quiz page of a new draft course; returns the answer and the course. */
  const pasteGift = async (gift: string, title = 'Bank Impor') => {
    const { courseId } = await givenDraftCourse(t, instructor.auth, { title });
    const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    const res = await agent
      .post(`/pengajar/kursus/${courseId}/kuis/soal`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), gift });
    return { courseId, res };
  };

  it('says how many questions a pasted GIFT added, and how many an uploaded file did', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `Pernyataan nomor ${i + 1} benar. {T}`).join('\n\n');
    const { courseId, res } = await pasteGift(twelve);
    expect(res.status).toBe(303);
    const after = await agent.get(res.headers.location as string);
    expect(after.text).toContain('12 soal ditambahkan ke bank soal.');

    const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    const uploaded = await agent
      .post(`/pengajar/kursus/${courseId}/kuis/berkas-soal?_csrf=${encodeURIComponent(csrfOf(page.text))}`)
      .attach('file', Buffer.from('Satu? {T}\n\nDua? {F}\n\nTiga? {T}\n'), {
        filename: 'bank.txt',
        contentType: 'text/plain',
      });
    expect(uploaded.status).toBe(303);
    expect((await agent.get(uploaded.headers.location as string)).text).toContain('3 soal ditambahkan ke bank soal.');
  });

  it('names every problem of a refused GIFT file in Indonesian, by line and title', async () => {
    const gift = [
      `::Hitung pajak::Jelaskan ${'panjang '.repeat(1_600)} {}`,
      '',
      '// points: 1',
      '// rubric: 4 | Ketepatan isi',
      '// rubric: 2 | Contoh',
      '::Esai rubrik::Jelaskan SKP. {}',
      '',
      '::Ibu kota::Ibu kota Indonesia? {=*}',
      '',
      '::Presiden::Presiden pertama RI? {=%0%Soekarno Hatta =Soekarno*}',
      '',
      '::Kurung::Soal tanpa tutup {=a ~b',
      '',
      '// question: 41  name: Cloze pajak',
      '',
      '// competency: ZZ.99',
      '::Kompetensi asing::Baik? {T}',
    ].join('\n');
    const { res } = await pasteGift(gift, 'Bank Salah');
    expect(res.status).toBe(422);
    const text = res.text.replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    expect(text).toContain('Baris 1, soal "Hitung pajak": Teks soal paling banyak 10.000 karakter');
    expect(text).toContain('Baris 6, soal "Esai rubrik": Poin (1) harus sama dengan jumlah poin rubrik (6)');
    expect(text).toContain('Baris 8, soal "Ibu kota": Jawaban yang diterima berupa "*" saja');
    expect(text).toContain('Baris 10, soal "Presiden": "=%0%Soekarno Hatta" ditulis sebelum "=Soekarno*"');
    expect(text).toContain('Baris 12, soal "Kurung": Blok jawaban belum ditutup dengan "}".');
    expect(text).toContain('Baris 14, soal "Cloze pajak": Jenis soal ini tidak dapat dibawa lewat GIFT');
    expect(text).toContain('Baris 17, soal "Kompetensi asing": kompetensi ZZ.99 tidak ada dalam kamus kompetensi.');
    for (const phrase of [
      'must be at most',
      "must equal the rubric's total",
      'would accept any answer',
      'comes before',
      'is not closed',
      'cannot be carried by GIFT',
      'is not in the dictionary',
    ])
      expect(text).not.toContain(phrase);
  });

  /** Entities in page text as a person reads them. */
  const flat = (html: string) =>
    html
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ');

  it('tells a learner a quiz with a withdrawn question is being fixed, and the instructor which slot', async () => {
    const extra = { type: 'true_false' as const, stem: 'SKP dinilai setiap tahun.', correct: true };
    const course = await givenQuizCourse(t, instructor.auth, { questions: [...SAMPLE_QUESTIONS, extra] });
    const api = asUser(t, instructor);
    // Slots: the first two questions fixed, then a draw of two from the rest.
    okBody(
      await api.put(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}`, {
        title: 'Kuis Akhir',
        slots: [{ questionId: course.questionIds[0] }, { questionId: course.questionIds[1] }, { count: 2 }],
        shuffleOptions: false,
        passPercent: 60,
      }),
      'quiz slots',
    );
    const learner = await enrolled(course.courseId);
    const learnerAgent = browserAgent(t);
    await signInThroughPages(learnerAgent, learner.username, learner.password);
    // The second fixed question and one of the draw's two were retired from the bank before it
    // checked the quizzes that need them (it refuses now: see the next test).
    await t.dataSource
      .getRepository(Question)
      .update({ id: In([course.questionIds[1], course.questionIds[3]]) }, { retiredAt: new Date() });

    const intro = await learnerAgent.get(`/kuis/${course.quizId}`);
    const refused = await learnerAgent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    expect(refused.status).toBe(422);
    expect(flat(refused.text)).toContain(
      'Kuis ini belum dapat dimulai: beberapa soalnya ditarik dan pengajar sedang memperbaikinya. Silakan coba lagi nanti.',
    );
    expect(refused.text).not.toContain('Kode permintaan');
    expect(refused.text).not.toContain('instructor is fixing it');

    const list = flat((await agent.get(`/pengajar/kursus/${course.courseId}/kuis`)).text);
    expect(list).toContain('Peserta tidak dapat memulai kuis ini: soal nomor 2 sudah ditarik dari bank soal.');
    expect(list).toContain(
      'Peserta tidak dapat memulai kuis ini: slot 3 meminta 2 soal acak, bank soal hanya memuat 1 soal yang cocok.',
    );
    expect(list).not.toContain('withdrawn from the bank');
  });

  it('refuses in Indonesian to withdraw a question a quiz holds, naming the quiz; a free question is withdrawn', async () => {
    const extra = { type: 'true_false' as const, stem: 'SKP dinilai setiap tahun.', correct: true };
    const course = await givenQuizCourse(t, instructor.auth, { questions: [...SAMPLE_QUESTIONS, extra] });
    okBody(
      await asUser(t, instructor).put(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}`, {
        title: 'Kuis Akhir',
        slots: course.questionIds.slice(0, 3).map((questionId) => ({ questionId })),
        passPercent: 60,
      }),
      'quiz slots',
    );
    const pageUrl = `/pengajar/kursus/${course.courseId}/kuis`;
    const retire = async (questionId: string) =>
      agent
        .post(`${pageUrl}/soal/${questionId}/tarik`)
        .type('form')
        .send({ _csrf: csrfOf((await agent.get(pageUrl)).text) });

    const refused = await retire(course.questionIds[1]);
    expect(refused.status).toBe(422);
    expect(flat(refused.text)).toContain('Kuis "Kuis Akhir", soal nomor 2 memakai soal ini; ubah kuisnya dulu.');
    expect(refused.text).not.toContain('the slot holds this question');

    const done = await retire(course.questionIds[3]);
    expect(done.status).toBe(303);
    const after = flat((await agent.get(`${pageUrl}?ok=retired`)).text);
    expect(after).toContain('Soal ditarik dari bank soal.');
    expect(after).not.toContain('SKP dinilai setiap tahun.');
  });

  it('shows a regrade’s progress on the quiz list: done, with the attempts it went through and the grades it changed', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const as = asUser(t, learner);
    const started = okBody(await as.post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
    okBody(
      await as.post(`/api/assessment/attempts/${started.id as string}/submit`, {
        responses: inAttempt(started, { '0': 'b', '1': true, '2': 'Pancasila' }),
      }),
      'submit',
    );
    await t.drain();
    // The key was wrong: option b was right all along.
    okBody(
      await asUser(t, instructor).put(`/api/assessment/courses/${course.courseId}/questions/${course.questionIds[0]}`, {
        type: 'single',
        stem: 'Apa kepanjangan ASN?',
        options: [
          { text: 'Aparatur Sipil Negara' },
          { text: 'Aparat Sipil Nasional', correct: true },
          { text: 'Anggota Sipil Negara' },
        ],
      }),
      'fix the key',
    );
    const pageUrl = `/pengajar/kursus/${course.courseId}/kuis`;
    const before = await agent.get(pageUrl);
    expect(before.text).not.toContain('Penilaian ulang selesai');
    const asked = await agent
      .post(`/pengajar/kursus/${course.courseId}/kuis/${course.quizId}/nilai-ulang`)
      .type('form')
      .send({ _csrf: csrfOf(before.text) });
    expect(asked.status).toBe(303);
    await t.drain();
    const after = flat((await agent.get(pageUrl)).text);
    expect(after).toMatch(
      /Penilaian ulang selesai \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB: 1 percobaan, 1 nilai berubah/,
    );
    // While it runs, and when it failed, as the newest run says (its job's timing is not the test's to hold).
    const run = (await t.get(RegradesService).latestRuns(course.courseId)).get(course.quizId)!;
    const latest = jest.spyOn(t.get(RegradesService), 'latestRuns');
    const only = (changes: Partial<typeof run>) => new Map([[course.quizId, { ...run, ...changes }]]);
    try {
      latest.mockResolvedValueOnce(only({ status: 'running', done: 40, total: 120, changed: 3, finishedAt: null }));
      expect(flat((await agent.get(pageUrl)).text)).toContain(
        'Penilaian ulang: 40 dari 120 percobaan, 3 nilai berubah',
      );
      latest.mockResolvedValueOnce(only({ status: 'failed' }));
      expect(flat((await agent.get(pageUrl)).text)).toContain('Penilaian ulang gagal; minta lagi');
    } finally {
      latest.mockRestore();
    }
  });

  it('leaves no quiz behind when the catalog refuses its lesson, says why in Indonesian, and makes one when sent again', async () => {
    const { courseId, sectionId } = await givenDraftCourse(t, instructor.auth, { title: 'Kuis dan Pelajaran' });
    const api = asUser(t, instructor);
    const lessonUrl = `/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`;
    const lesson = okBody(await api.post(lessonUrl, { title: 'Ujian', kind: 'quiz' }), 'quiz lesson');
    okBody(await api.post(`/api/assessment/courses/${courseId}/questions`, SAMPLE_QUESTIONS[1]), 'question');
    const page = await agent.get(`/pengajar/kursus/${courseId}/kuis`);
    const send = (lessonId: string) =>
      agent
        .post(`/pengajar/kursus/${courseId}/kuis`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), title: 'Ujian Akhir', passPercent: '60', lessonId });
    // The page offered a quiz lesson; meanwhile a colleague made it a text lesson.
    okBody(
      await api.put(`/api/catalog/courses/${courseId}/lessons/${lesson.id as string}`, {
        title: 'Ujian',
        kind: 'text',
        bodyHtml: '<p>Bacaan</p>',
      }),
      'now a text lesson',
    );
    const notQuiz = await send(lesson.id as string);
    expect(notQuiz.status).toBe(422);
    expect(flat(notQuiz.text)).toContain(
      'Pelajaran yang dipilih bukan pelajaran kuis; muat ulang halaman lalu pilih lagi.',
    );
    // A lesson the course does not have (removed meanwhile, say).
    const unknown = await send('6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b');
    expect(unknown.status).toBe(422);
    expect(flat(unknown.text)).toContain(
      'Pelajaran yang dipilih tidak ada di kursus ini; muat ulang halaman lalu pilih lagi.',
    );
    for (const refused of [notQuiz, unknown]) expect(refused.text).not.toMatch(/lessonId:|the lesson is/);
    expect(okBody(await api.get(`/api/assessment/courses/${courseId}/quizzes`), 'quizzes')).toEqual([]);

    okBody(
      await api.put(`/api/catalog/courses/${courseId}/lessons/${lesson.id as string}`, {
        title: 'Ujian',
        kind: 'quiz',
      }),
      'a quiz lesson again',
    );
    expect((await send(lesson.id as string)).status).toBe(303);
    const quizzes = okBody(
      await api.get(`/api/assessment/courses/${courseId}/quizzes`),
      'quizzes',
    ) as unknown as Array<{
      id: string;
    }>;
    expect(quizzes).toHaveLength(1);
    const course = okBody(await api.get(`/api/catalog/courses/${courseId}`), 'course') as unknown as {
      modules: Array<{ lessons: Array<{ id: string; quizId: string | null }> }>;
    };
    expect(course.modules.flatMap((m) => m.lessons).find((l) => l.id === lesson.id)?.quizId).toBe(quizzes[0].id);
    // The API says the same by its code, naming the field.
    const attach = await api.post(`/api/assessment/courses/${courseId}/quizzes/${quizzes[0].id}/lesson`, {
      lessonId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    });
    expect(attach.status).toBe(422);
    expect(attach.body).toMatchObject({
      code: 'CATALOG.QUIZ_LESSON_NOT_FOUND',
      details: { fields: [{ field: 'lessonId', rule: 'course_lesson', message: 'the lesson is not in this course' }] },
    });
  });
});
