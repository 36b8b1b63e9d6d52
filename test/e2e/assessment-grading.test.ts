import { Clock } from '../../libs/common';
import { GradeChange, QuizAttempt } from '../../src/modules/assessment/entities';
import { Grader } from '../../src/modules/assessment/attempts/grader';
import { OutboxMessage, OutboxRelay } from '../../libs/queue';
import {
  asUser,
  createTestApp,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  inAttempt,
  SAMPLE_RIGHT,
  TestApp,
  usesRedis,
  gradedEventsOf,
} from '../../libs/testing';

describe('assessment: the question bank, essays, overrides, replays and item statistics', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let otherInstructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
    otherInstructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const as = (who: GivenUser) => asUser(t, who);
  const enrolled = async (courseId: string) => {
    const learner = await givenUser(t, { unitId });
    await as(learner).post(`/api/learning/courses/${courseId}/enrolment`);
    return learner;
  };

  it('refuses an incomplete question naming each field and rule, and keeps nothing', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const url = `/api/assessment/courses/${course.courseId}/questions`;
    const res = await as(instructor).post(url, {
      type: 'single',
      stem: 'Pilih satu',
      options: [
        { text: 'A', correct: true },
        { text: 'B', correct: true },
      ],
      competencyCode: 'ZZ.99',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ASSESSMENT.QUESTION_INVALID');
    expect(res.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'options', rule: 'one_correct' }),
        expect.objectContaining({ field: 'competencyCode', rule: 'known_competency' }),
      ]),
    );
    const bad = await as(instructor).post(url, { type: 'essay', stem: 'x', role: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0]).toMatchObject({ field: 'role', rule: 'unknown_field' });
    expect((await as(instructor).get(url)).body.total).toBe(3);
  });

  it('keeps the bank to the course editors: others get 404', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    for (const who of [otherInstructor, learner]) {
      const res = await as(who).get(`/api/assessment/courses/${course.courseId}/questions`);
      expect(res.status).toBe(who === learner ? 403 : 404);
    }
    const quiz = await as(otherInstructor).get(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}`);
    expect(quiz.status).toBe(404);
    const attempts = await as(otherInstructor).get(`/api/assessment/courses/${course.courseId}/attempts`);
    expect(attempts.status).toBe(404);
  });

  it('imports a GIFT bank all or nothing, and exports what it imported', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const url = `/api/assessment/courses/${course.courseId}/questions`;
    const gift = [
      '// competency: M.05',
      'Ibu kota Provinsi Gorontalo adalah {=Kota Gorontalo ~Limboto ~Marisa}',
      '',
      'ASN berasaskan Pancasila. {T}',
      '',
      'Urutkan {=satu =dua',
    ].join('\n');
    const broken = await as(instructor)
      .post(`${url}/import`)
      .attach('file', Buffer.from(gift), { filename: 'bank.gift.txt', contentType: 'text/plain' });
    expect(broken.status).toBe(422);
    expect(broken.body.details.fields[0].field).toBe('line 6');
    expect((await as(instructor).get(url)).body.total).toBe(3);

    const fixed = gift.replace('Urutkan {=satu =dua', 'Nilai 1,5 + 1 = {#2.5}');
    const imported = await as(instructor)
      .post(`${url}/import`)
      .attach('file', Buffer.from(fixed), { filename: 'bank.gift.txt', contentType: 'text/plain' });
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 3 });
    const listed = await as(instructor).get(`${url}?competencyCode=M.05`);
    expect(listed.body.items[0]).toMatchObject({ type: 'single', competencyCode: 'M.05' });

    const exported = await as(instructor).get(`${url}/export.gift`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/plain');
    expect(exported.text).toContain('=Kota Gorontalo');
    expect(exported.text).toContain('{#2.5');
  });

  it('refuses to save random draws that some starts could not fill, and saves them in an order every start can', async () => {
    const { courseId } = await givenQuizCourse(t, instructor.auth, {
      questions: ['easy', 'easy', 'hard', 'hard'].map((difficulty, i) => ({
        type: 'true_false' as const,
        stem: `Pernyataan ${i + 1} benar.`,
        correct: true,
        difficulty: difficulty as 'easy' | 'hard',
      })),
    });
    const save = (slots: object[]) =>
      as(instructor).post(`/api/assessment/courses/${courseId}/quizzes`, { title: 'Kuis Acak', slots });
    // Two of any first would take one or both hard questions in most starts: the hard draw could not be filled.
    const anyFirst = await save([{ count: 2 }, { count: 2, difficulty: 'hard' }]);
    expect(anyFirst.status).toBe(422);
    expect(anyFirst.body.details.fields).toEqual([
      expect.objectContaining({ field: 'slots.1.count', rule: 'enough_questions' }),
    ]);
    expect((await save([{ count: 2, difficulty: 'hard' }, { count: 2 }])).status).toBe(201);
  });

  it('keeps the order of an imported file in the bank and in its export', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const url = `/api/assessment/courses/${course.courseId}/questions`;
    // Imported in one go, the questions share their creation time to the millisecond.
    const stems = Array.from({ length: 12 }, (_, i) => `Urutan soal ${i + 1}, satu ditambah ${i + 1} adalah`);
    const gift = stems.map((stem, i) => `${stem} {#${i + 2}}`).join('\n\n');
    const imported = await as(instructor)
      .post(`${url}/import`)
      .attach('file', Buffer.from(gift), { filename: 'urutan.gift.txt', contentType: 'text/plain' });
    expect(imported.body).toEqual({ imported: 12 });

    const listed = (await as(instructor).get(`${url}?pageSize=100`)).body.items as Array<{ stem: string }>;
    expect(listed.map((q) => q.stem).filter((s) => s.startsWith('Urutan'))).toEqual(stems);
    const exported = (await as(instructor).get(`${url}/export.gift`)).text;
    const positions = stems.map((stem) => exported.indexOf(stem));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('essays wait in the grading queue; the grade is final and the course completes once a person marks them', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'true_false', stem: 'Netralitas ASN wajib dijaga.', correct: true },
        {
          type: 'essay',
          stem: 'Jelaskan cara Anda menerapkan nilai BerAKHLAK di unit kerja.',
          points: 4,
          rubric: [
            { criterion: 'Contoh nyata', points: 2 },
            { criterion: 'Kaitan dengan nilai', points: 2 },
          ],
        },
      ],
    });
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: { '0': true, '1': 'Saya melayani warga dengan ramah dan tepat waktu.' },
    });
    await t.drain();
    const waiting = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(waiting.body).toMatchObject({ status: 'awaiting_manual', result: null });
    const alerts = await as(instructor).get('/api/notifications');
    expect(alerts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          category: 'essay-awaiting-grading',
          link: `/pengajar/kursus/${course.courseId}/penilaian/${started.body.id}`,
        }),
      ]),
    );
    expect((await as(learner).get('/api/notifications')).body.items).toEqual([]);

    const queue = await as(instructor).get(
      `/api/assessment/courses/${course.courseId}/attempts?status=awaiting_manual`,
    );
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        attemptId: started.body.id,
        learnerName: learner.user.name,
        status: 'awaiting_manual',
      }),
    ]);
    const detail = await as(instructor).get(`/api/assessment/courses/${course.courseId}/attempts/${started.body.id}`);
    expect(detail.body.questions[1]).toMatchObject({ type: 'essay', scored: null, rubric: expect.any(Array) });

    const tooMany = await as(instructor).put(
      `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/slots/1/mark`,
      { points: 5 },
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.code).toBe('ASSESSMENT.MARK_INVALID');
    expect(tooMany.body.details.fields[0]).toMatchObject({ field: 'points', rule: 'max' });

    const marked = await as(instructor).put(
      `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/slots/1/mark`,
      { points: 3, comment: 'Contoh baik; kaitkan dengan nilai Akuntabel.' },
    );
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ status: 'graded', score: 4, max: 5, percent: 80 });
    await t.drain();
    const final = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(final.body.result).toEqual({ score: 4, max: 5, percent: 80, passed: true });
    expect(final.body.review[1].comment).toBe('Contoh baik; kaitkan dengan nilai Akuntabel.');
    expect((await as(learner).get(`/api/learning/courses/${course.courseId}`)).body.enrolment.status).toBe('completed');
    const told = (await as(learner).get('/api/notifications')).body.items as Array<{
      category: string;
      lines: string[];
    }>;
    // The completed course also asks for the learner's evaluation of it (Kirkpatrick L1).
    expect(told.map((n) => n.category).sort()).toEqual(['certificate-issued', 'course-evaluation-due', 'quiz-graded']);
    expect(told.find((n) => n.category === 'quiz-graded')!.lines.join(' ')).toContain('80');
  });

  it('credits the JP to the year the quiz was submitted, though its essay is marked after New Year', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      jp: 3,
      questions: [{ type: 'essay', stem: 'Jelaskan makna Bangga Melayani Bangsa.', points: 2 }],
    });
    const learner = await enrolled(course.courseId);
    const clock = jest.spyOn(t.get(Clock), 'now');
    // 23:30 WIB on 31 December 2026.
    clock.mockReturnValue(new Date('2026-12-31T16:30:00Z'));
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: { '0': 'Melayani dengan sepenuh hati.' },
    });
    await t.drain();
    clock.mockReturnValue(new Date('2027-01-02T02:00:00Z'));
    const marked = await as(instructor).put(
      `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/slots/0/mark`,
      { points: 2 },
    );
    expect(marked.status).toBe(200);
    await t.drain();
    const ledger = async (year: number) =>
      (await as(learner).get(`/api/learning/ledger?year=${year}`)).body as { earnedJp: number };
    expect((await ledger(2026)).earnedJp).toBe(3);
    expect((await ledger(2027)).earnedJp).toBe(0);
    const enrolment = (await as(learner).get(`/api/learning/courses/${course.courseId}`)).body.enrolment;
    expect(enrolment).toMatchObject({ status: 'completed', completedAt: '2026-12-31T16:30:00.000Z' });
  });

  it('refuses an instructor marking their own attempt (403); a colleague marks it', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [{ type: 'essay', stem: 'Jelaskan makna Akuntabel.', points: 2 }],
    });
    expect((await as(instructor).post(`/api/learning/courses/${course.courseId}/enrolment`)).status).toBe(200);
    const started = await as(instructor).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(instructor).post(`/api/assessment/attempts/${started.body.id}/submit`, { responses: { '0': 'Jujur.' } });
    await t.drain();
    const url = `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/slots/0/mark`;
    const own = await as(instructor).put(url, { points: 2 });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('ASSESSMENT.ATTEMPT_OWN');
    const colleague = await givenUser(t, { role: 'instructor', unitId });
    expect(
      (await as(instructor).post(`/api/catalog/courses/${course.courseId}/instructors`, { userId: colleague.user.id }))
        .status,
    ).toBeLessThan(300);
    expect((await as(colleague).put(url, { points: 1 })).status).toBe(200);
  });

  it('keeps every mark when instructors mark essays of one attempt at the same moment', async () => {
    const essay = (n: number) => ({ type: 'essay' as const, stem: `Esai ${n}: jelaskan.`, points: 2 });
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [essay(1), essay(2), essay(3), essay(4)],
    });
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: { '0': 'Satu.', '1': 'Dua.', '2': 'Tiga.', '3': 'Empat.' },
    });
    await t.drain();
    const url = (slot: number) =>
      `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/slots/${slot}/mark`;
    const marked = await Promise.all([0, 1, 2, 3].map((slot) => as(instructor).put(url(slot), { points: 1 })));
    expect(marked.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const detail = await as(instructor).get(`/api/assessment/courses/${course.courseId}/attempts/${started.body.id}`);
    expect(detail.body).toMatchObject({ status: 'graded', score: 4, max: 8 });
    expect(detail.body.questions.map((q: { scored: number | null }) => q.scored)).toEqual([1, 1, 1, 1]);
    expect(detail.body.history).toHaveLength(4);
  });

  it('an override needs a reason, is audited, and re-emits the graded event', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, { ...SAMPLE_RIGHT, '2': 'Pancasila 1945' }),
    });
    await t.drain();
    const url = `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/slots/2/mark`;
    const noReason = await as(instructor).put(url, { points: 1 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details.fields[0]).toMatchObject({ field: 'reason', rule: 'required' });
    const overridden = await as(instructor).put(url, { points: 1, reason: 'Jawaban memuat Pancasila; diterima.' });
    expect(overridden.body).toMatchObject({ score: 3, percent: 100 });
    expect(overridden.body.history).toEqual([
      expect.objectContaining({
        kind: 'override',
        slot: 2,
        before: 0,
        after: 1,
        reason: 'Jawaban memuat Pancasila; diterima.',
      }),
    ]);
    // The key and the response name the attempt's own option ids; the view gives their texts.
    const [single] = overridden.body.questions;
    expect(single.options).toEqual(started.body.questions[0].options);
    const textOf = (id: string) => single.options.find((o: { id: string }) => o.id === id)?.text;
    expect(textOf(single.correctResponse)).toBe('Aparatur Sipil Negara');
    expect(textOf(single.response)).toBe('Aparatur Sipil Negara');
    const audit = await t.dataSource.getRepository(GradeChange).findBy({ attemptId: started.body.id });
    expect(audit[0].byUserId).toBe(instructor.user.id);
    const events = await gradedEventsOf(t.dataSource, started.body.id);
    expect(events.map((e) => e.gradeVersion)).toEqual([1, 2]);
  });

  it('(8) a permanent grading error fails at once, shows as failed to the instructor, and can be replayed', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const attempts = t.dataSource.getRepository(QuizAttempt);
    // A frozen key that cannot be read: no retry can help.
    await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    const original = (await attempts.findOneByOrFail({ id: started.body.id })).keyJson!;
    const damaged = JSON.parse(original);
    damaged[0].key = {};
    await attempts.update({ id: started.body.id }, { keyJson: JSON.stringify(damaged) });
    const gradeSpy = jest.spyOn(t.get(Grader), 'grade');
    expect((await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`)).status).toBe(202);
    await t.drain();
    expect(gradeSpy).toHaveBeenCalledTimes(1);
    const row = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ jobId: `assessment.grade-attempt:${started.body.id}` });
    // In-process the outbox row is the job; on BullMQ it was handed over ('sent') and the job failed there.
    expect(row).toMatchObject(usesRedis() ? { status: 'sent' } : { status: 'failed', attempts: 1 });

    const failed = await as(instructor).get(`/api/assessment/courses/${course.courseId}/attempts?status=failed`);
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        attemptId: started.body.id,
        status: 'failed',
        gradingError: expect.stringContaining('snapshot'),
      }),
    ]);
    expect((await as(learner).get(`/api/assessment/attempts/${started.body.id}`)).body.status).toBe('submitted');

    await attempts.update({ id: started.body.id }, { keyJson: original });
    const replay = await as(instructor).post(
      `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/replay`,
    );
    expect(replay.status).toBe(202);
    await t.drain();
    const graded = await attempts.findOneByOrFail({ id: started.body.id });
    expect(graded).toMatchObject({ status: 'graded', scoreHundredths: 300, gradingError: null });
  });

  it('grades an attempt started before attempts kept their grading key apart, from its snapshot', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const attempts = t.dataSource.getRepository(QuizAttempt);
    await attempts.update({ id: started.body.id }, { keyJson: null });
    const submitted = await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    expect(submitted.status).toBe(202);
    await t.drain();
    const result = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(result.body).toMatchObject({ status: 'graded', result: { score: 3, max: 3 } });
  });

  it('(8) a transient database error is retried with backoff and grades once', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const grader = t.get(Grader);
    const real = grader.grade.bind(grader);
    let calls = 0;
    jest.spyOn(grader, 'grade').mockImplementation(async (id) => {
      calls++;
      if (calls === 1)
        throw Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });
      return real(id);
    });
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    const outbox = t.dataSource.getRepository(OutboxMessage);
    const jobId = `assessment.grade-attempt:${started.body.id}`;
    // Wait for the first delivery to end (the relay loop or this relay pass, whichever claims it).
    let row = await outbox.findOneByOrFail({ jobId });
    for (let i = 0; i < 100 && row.status === 'pending' && row.attempts === 0; i++) {
      await t.get(OutboxRelay).relayDue();
      await new Promise((r) => setTimeout(r, 50));
      row = await outbox.findOneByOrFail({ jobId });
    }
    if (!usesRedis()) {
      // In-process: the relay keeps the row with its error and a backoff; make it due now.
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('Deadlock') });
      expect(row.availableAt.getTime()).toBeGreaterThan(Date.now());
      await outbox.update({ id: row.id }, { availableAt: new Date(0) });
    }
    await t.drain(30_000);
    expect(calls).toBe(2);
    const graded = await t.dataSource.getRepository(QuizAttempt).findOneByOrFail({ id: started.body.id });
    expect(graded).toMatchObject({ status: 'graded', gradeVersion: 1 });
  });

  it('reports item statistics: facility, discrimination and option counts', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0 });
    const answers = [
      ...Array.from({ length: 6 }, () => SAMPLE_RIGHT),
      ...Array.from({ length: 6 }, () => ({ '0': 'b', '1': false, '2': 'x' })),
    ];
    for (const responses of answers) {
      const learner = await enrolled(course.courseId);
      const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
        responses: inAttempt(started.body, responses),
      });
    }
    await t.drain();
    const stats = await as(instructor).get(
      `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/statistics`,
    );
    expect(stats.status).toBe(200);
    expect(stats.body.attempts).toBe(12);
    expect(stats.body.items[0]).toMatchObject({
      questionId: course.questionIds[0],
      facility: 0.5,
      discrimination: 1,
      options: { a: 6, b: 6 },
      optionTexts: { a: 'Aparatur Sipil Negara', b: 'Aparat Sipil Nasional', c: 'Anggota Sipil Negara' },
    });
  });
});
