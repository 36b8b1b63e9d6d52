import { CompactAnswerShapes1764910000000 } from '../../migrations/1764910000000-CompactAnswerShapes';
import { Clock, DomainException } from '../../libs/common';
import { OutboxMessage } from '../../libs/queue';
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
  SAMPLE_WRONG,
  TestApp,
} from '../../libs/testing';
import { AttemptStore } from '../../src/modules/assessment/attempts/attempt-store';
import { decodeShapes } from '../../src/modules/assessment/domain/answer-shapes';
import { Submissions } from '../../src/modules/assessment/attempts/submissions';
import { AssessmentError } from '../../src/modules/assessment/assessment.errors';
import { LEARNER_ATTEMPT_FIELDS } from '../../src/modules/assessment/attempts/attempt.view';
import { QuizAttempt } from '../../src/modules/assessment/entities';
import { JpLedgerEntry } from '../../src/modules/learning/entities';

describe('assessment: a learner takes a quiz, it is graded by a job, the course completes', () => {
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
  afterEach(() => jest.restoreAllMocks());

  const as = (who: GivenUser) => asUser(t, who);
  const enrolled = async (courseId: string) => {
    const learner = await givenUser(t, { unitId });
    expect((await as(learner).post(`/api/learning/courses/${courseId}/enrolment`)).status).toBe(200);
    return learner;
  };

  /** The instructor decides option b of the first sample question was right all along (points as given). */
  const fixFirstKey = (course: { courseId: string; questionIds: string[] }, points?: number) =>
    as(instructor).put(`/api/assessment/courses/${course.courseId}/questions/${course.questionIds[0]}`, {
      type: 'single',
      stem: 'Apa kepanjangan ASN?',
      ...(points === undefined ? {} : { points }),
      options: [
        { text: 'Aparatur Sipil Negara' },
        { text: 'Aparat Sipil Nasional', correct: true },
        { text: 'Anggota Sipil Negara' },
      ],
    });

  it('start → autosave → submit (202) → graded by the job → lesson and course complete, JP credited', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { title: 'Etika ASN', jp: 3 });
    const learner = await enrolled(course.courseId);
    await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${course.textLessonIds[0]}/completion`);

    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ number: 1, status: 'in_progress', result: null, review: null });
    expect(started.body.questions.map((q: { type: string }) => q.type)).toEqual(['single', 'true_false', 'short']);
    const right = inAttempt(started.body, SAMPLE_RIGHT);

    const saved = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: { '0': right['0'], '1': true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(1);

    const submitted = await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: { '2': SAMPLE_RIGHT['2'] },
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toEqual({
      id: started.body.id,
      status: 'submitted',
      submittedAt: expect.any(String),
      closedBy: 'learner',
      revision: 2,
    });
    expect((await as(learner).get(`/api/assessment/attempts/${started.body.id}`)).body.responses).toEqual(right);

    await t.drain();
    const graded = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(graded.body.status).toBe('graded');
    expect(graded.body.result).toEqual({ score: 3, max: 3, percent: 100, passed: true });
    expect(graded.body.review[0]).toMatchObject({
      slot: 0,
      scored: 1,
      correctResponse: right['0'],
      optionFeedback: { [right['0'] as string]: 'Benar.' },
    });

    const page = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    expect(page.body.enrolment.status).toBe('completed');
    const ledger = await t.dataSource.getRepository(JpLedgerEntry).findBy({ userId: learner.user.id });
    expect(ledger).toHaveLength(1);
    expect(ledger[0].jpTenths).toBe(30);
  });

  it('a failed quiz leaves the lesson open; passing on the second attempt completes it (highest counts)', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0, quiz: { attemptsAllowed: 2 } });
    const learner = await enrolled(course.courseId);
    const first = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(learner).post(`/api/assessment/attempts/${first.body.id}/submit`, {
      responses: inAttempt(first.body, SAMPLE_WRONG),
    });
    await t.drain();
    const failed = await as(learner).get(`/api/assessment/attempts/${first.body.id}`);
    expect(failed.body.result).toEqual({ score: 0, max: 3, percent: 0, passed: false });
    expect((await as(learner).get(`/api/learning/courses/${course.courseId}`)).body.enrolment.status).toBe('active');

    const second = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(second.body.number).toBe(2);
    await as(learner).post(`/api/assessment/attempts/${second.body.id}/submit`, {
      responses: inAttempt(second.body, SAMPLE_RIGHT),
    });
    await t.drain();
    expect((await as(learner).get(`/api/learning/courses/${course.courseId}`)).body.enrolment.status).toBe('completed');

    const intro = await as(learner).get(`/api/assessment/quizzes/${course.quizId}`);
    expect(intro.body).toMatchObject({ attemptsUsed: 2, attemptsAllowed: 2, grade: 100, passed: true });
    const third = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('ASSESSMENT.NO_ATTEMPTS_LEFT');
  });

  it('a quiz lesson cannot be ticked by hand', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const res = await as(learner).post(
      `/api/learning/courses/${course.courseId}/lessons/${course.quizLessonId}/completion`,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEARNING.COMPLETED_BY_QUIZ');
  });

  it('the server timer closes an attempt left open past its limit and grades what was saved', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { quiz: { timeLimitMinutes: 10 } });
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(new Date(started.body.dueAt).getTime() - new Date(started.body.startedAt).getTime()).toBe(10 * 60_000);
    await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: inAttempt(started.body, { '0': 'a' }),
    });

    const later = new Date(Date.now() + 11 * 60_000);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(later);
    const late = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: { '1': true },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ASSESSMENT.ATTEMPT_CLOSED');

    await t.drain();
    const closed = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(closed.body).toMatchObject({ status: 'graded', closedBy: 'timer' });
    expect(closed.body.result).toMatchObject({ score: 1, max: 3 });
  });

  it('moves the end of attempts in progress when the instructor extends the quiz’s close', async () => {
    const start = Date.now();
    const closesAt = new Date(start + 60 * 60_000).toISOString();
    const course = await givenQuizCourse(t, instructor.auth, { quiz: { closesAt } });
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(started.body.dueAt).toBe(closesAt);

    // A network outage: the close is moved two hours later while the learner is sitting it.
    const extended = new Date(start + 3 * 60 * 60_000).toISOString();
    const saved = await as(instructor).put(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}`, {
      title: 'Kuis Akhir',
      slots: course.questionIds.map((questionId) => ({ questionId })),
      shuffleOptions: false,
      passPercent: 60,
      showAnswers: 'after_grading',
      closesAt: extended,
    });
    expect(saved.status).toBe(200);
    const clock = jest.spyOn(t.get(Clock), 'now');
    clock.mockReturnValue(new Date(start + 70 * 60_000));
    await t.drain();
    const still = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(still.body).toMatchObject({ status: 'in_progress', dueAt: extended });
    const answered = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: { '1': true },
    });
    expect(answered.status).toBe(200);

    clock.mockReturnValue(new Date(start + 3 * 60 * 60_000 + 60_000));
    await t.drain();
    const closed = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(closed.body).toMatchObject({ status: 'graded', closedBy: 'timer' });
  });

  it('responses that do not fit their question are refused with the slot named, and nothing is saved', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const res = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: inAttempt(started.body, { '0': 'a', '1': 'ya', '9': 'x' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'responses.1',
      'responses.9',
    ]);
    const after = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(after.body).toMatchObject({ responses: {}, revision: 0 });
  });

  it('checks the answers of an attempt started before answer shapes were kept against its snapshot', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await t.dataSource.query('UPDATE quiz_attempt SET shapes_json = NULL WHERE id = ?', [started.body.id]);

    const refused = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: inAttempt(started.body, { '0': 'z', '9': 'x' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'responses.0',
      'responses.9',
    ]);
    const saved = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    expect(saved.status).toBe(200);
    const submitted = await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, { '1': 'ya' }),
    });
    expect(submitted.status).toBe(422);
  });

  it('answers carrying a prototype key are refused before they reach the attempt (they go through unwalked)', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const raw = (method: 'put' | 'post', path: string, body: string) => {
      const url = `/api/assessment/attempts/${started.body.id}/${path}`;
      const request = method === 'put' ? t.http().put(url) : t.http().post(url);
      return request.set('authorization', learner.auth).set('content-type', 'application/json').send(body);
    };
    for (const responses of ['{"0":"a","__proto__":{"admin":true}}', '{"0":{"constructor":{"prototype":{"x":1}}}}']) {
      const saved = await raw('put', 'responses', `{"responses":${responses}}`);
      const submitted = await raw('post', 'submit', `{"responses":${responses}}`);
      expect([saved.status, saved.body.code, submitted.status]).toEqual([400, 'COMMON.VALIDATION_FAILED', 400]);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const after = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(after.body).toMatchObject({ status: 'in_progress', responses: {}, revision: 0 });
  });

  it('shapes kept in their first form are cleared by the migration, and those answers are checked against the snapshot', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const [ani, budi] = await Promise.all([1, 2].map(() => enrolled(course.courseId)));
    const firstForm = (await as(ani).post(`/api/assessment/quizzes/${course.quizId}/attempts`)).body;
    const compact = (await as(budi).post(`/api/assessment/quizzes/${course.quizId}/attempts`)).body;
    const shapesOf = async (id: string): Promise<string | null> =>
      (await t.dataSource.query('SELECT shapes_json FROM quiz_attempt WHERE id = ?', [id]))[0].shapes_json;
    const asFirstForm = [...decodeShapes((await shapesOf(firstForm.id))!)].map(([slot, shape]) => ({
      slot: Number(slot),
      shape,
    }));
    await t.dataSource.query('UPDATE quiz_attempt SET shapes_json = ? WHERE id = ?', [
      JSON.stringify(asFirstForm),
      firstForm.id,
    ]);
    const compactBefore = await shapesOf(compact.id);

    const runner = t.dataSource.createQueryRunner();
    await new CompactAnswerShapes1764910000000().up(runner).finally(() => runner.release());

    expect(await shapesOf(firstForm.id)).toBeNull();
    expect(await shapesOf(compact.id)).toBe(compactBefore);
    for (const started of [firstForm, compact]) {
      const who = started === firstForm ? ani : budi;
      const refused = await as(who).put(`/api/assessment/attempts/${started.id}/responses`, {
        responses: inAttempt(started, { '0': 'z' }),
      });
      expect([refused.status, refused.body.details.fields[0].field]).toEqual([422, 'responses.0']);
      const saved = await as(who).put(`/api/assessment/attempts/${started.id}/responses`, {
        responses: inAttempt(started, SAMPLE_RIGHT),
      });
      expect(saved.status).toBe(200);
    }
  });

  it('submits arriving together are closed in one transaction, each with its own answer', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const [ani, budi, citra] = await Promise.all([1, 2, 3].map(() => enrolled(course.courseId)));
    const start = async (who: GivenUser) =>
      (await as(who).post(`/api/assessment/quizzes/${course.quizId}/attempts`)).body;
    const [aniStarted, budiStarted, citraStarted] = await Promise.all([ani, budi, citra].map(start));
    const [aniAttempt, budiAttempt, citraAttempt] = [aniStarted, budiStarted, citraStarted].map((a) => a.id as string);
    const aniRight = inAttempt(aniStarted, SAMPLE_RIGHT);
    const closeMany = jest.spyOn(t.get(AttemptStore), 'closeMany');

    // Handed over in one turn of the event loop, as the requests of a busy moment are.
    const submissions = t.get(Submissions);
    const [aniSubmit, budiSubmit, citraSubmit, stranger] = await Promise.allSettled([
      submissions.submit({ userId: ani.user.id, attemptId: aniAttempt, responses: aniRight }),
      // An answer that does not fit its question: refused, and the others go on.
      submissions.submit({ userId: budi.user.id, attemptId: budiAttempt, responses: { '1': 'ya' } }),
      submissions.submit({
        userId: citra.user.id,
        attemptId: citraAttempt,
        responses: inAttempt(citraStarted, SAMPLE_WRONG),
      }),
      // Someone else's attempt: not found, as alone.
      submissions.submit({
        userId: budi.user.id,
        attemptId: aniAttempt,
        responses: inAttempt(aniStarted, SAMPLE_WRONG),
      }),
    ]);
    const refusal = (r: PromiseSettledResult<unknown>) =>
      r.status === 'rejected'
        ? { code: (r.reason as DomainException).code, details: (r.reason as DomainException).details }
        : null;

    expect(aniSubmit).toMatchObject({
      status: 'fulfilled',
      value: { id: aniAttempt, status: 'submitted', closedBy: 'learner', revision: 1 },
    });
    expect(citraSubmit).toMatchObject({ status: 'fulfilled', value: { id: citraAttempt, status: 'submitted' } });
    expect(refusal(budiSubmit)).toMatchObject({
      code: AssessmentError.RESPONSE_INVALID.code,
      details: { fields: [expect.objectContaining({ field: 'responses.1' })] },
    });
    expect(refusal(stranger)).toMatchObject({ code: AssessmentError.ATTEMPT_NOT_FOUND.code });
    // Ani and Citra were closed by one statement, Budi's attempt is untouched and still open.
    expect(closeMany.mock.calls.map(([, closes]) => closes.map((c) => c.id).sort())).toEqual([
      [aniAttempt, citraAttempt].sort(),
    ]);
    const row = (id: string) => t.dataSource.getRepository(QuizAttempt).findOneByOrFail({ id });
    expect(await row(budiAttempt)).toMatchObject({ status: 'in_progress', revision: 0, responsesJson: '{}' });
    // The stranger's answers went nowhere: Ani's attempt holds her own.
    expect(JSON.parse((await row(aniAttempt)).responsesJson)).toEqual(aniRight);
    const gradingRows = await t.dataSource.getRepository(OutboxMessage).findBy({ jobName: 'assessment.grade-attempt' });
    const queuedFor = new Set(gradingRows.map((r) => r.jobId));
    expect(queuedFor.has(`assessment.grade-attempt:${aniAttempt}`)).toBe(true);
    expect(queuedFor.has(`assessment.grade-attempt:${citraAttempt}`)).toBe(true);
    expect(queuedFor.has(`assessment.grade-attempt:${budiAttempt}`)).toBe(false);

    await t.drain();
    expect((await as(ani).get(`/api/assessment/attempts/${aniAttempt}`)).body.result).toMatchObject({ passed: true });
    expect((await as(citra).get(`/api/assessment/attempts/${citraAttempt}`)).body.result).toMatchObject({
      passed: false,
    });
  });

  describe('reliability', () => {
    it('(5) K concurrent identical submits: one transition, one outbox row; a save to a closed attempt is 409', async () => {
      const course = await givenQuizCourse(t, instructor.auth);
      const learner = await enrolled(course.courseId);
      const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
            responses: inAttempt(started.body, SAMPLE_RIGHT),
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(202));
      const rows = await t.dataSource
        .getRepository(OutboxMessage)
        .countBy({ jobName: 'assessment.grade-attempt', jobId: `assessment.grade-attempt:${started.body.id}` });
      expect(rows).toBe(1);
      const save = await as(learner).put(`/api/assessment/attempts/${started.body.id}/responses`, {
        responses: inAttempt(started.body, { '0': 'b' }),
      });
      expect(save.status).toBe(409);
      await t.drain();
      const attempt = await t.dataSource.getRepository(QuizAttempt).findOneByOrFail({ id: started.body.id });
      expect(attempt).toMatchObject({ status: 'graded', gradeVersion: 1, scoreHundredths: 300 });
    });

    it('(6) N concurrent starts: one attempt in progress, never more than allowed', async () => {
      const course = await givenQuizCourse(t, instructor.auth, { quiz: { attemptsAllowed: 2 } });
      const learner = await enrolled(course.courseId);
      const starts = await Promise.all(
        Array.from({ length: 10 }, () => as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`)),
      );
      expect(new Set(starts.map((s) => s.body.id)).size).toBe(1);
      await as(learner).post(`/api/assessment/attempts/${starts[0].body.id}/submit`);
      const again = await Promise.all(
        Array.from({ length: 10 }, () => as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`)),
      );
      expect(new Set(again.map((s) => s.body.id)).size).toBe(1);
      await as(learner).post(`/api/assessment/attempts/${again[0].body.id}/submit`);
      const more = await Promise.all(
        Array.from({ length: 5 }, () => as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`)),
      );
      expect(more.map((r) => r.status)).toEqual(Array(5).fill(409));
      const attempts = await t.dataSource
        .getRepository(QuizAttempt)
        .findBy({ quizId: course.quizId, userId: learner.user.id });
      expect(attempts.map((a) => a.number).sort()).toEqual([1, 2]);
      await t.drain();
    });

    it('(7) another learner gets 404 on every attempt route; learner responses carry no answer key', async () => {
      const course = await givenQuizCourse(t, instructor.auth, { quiz: { showAnswers: 'never' } });
      const learner = await enrolled(course.courseId);
      const other = await enrolled(course.courseId);
      const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      const id = started.body.id as string;
      const probes = [
        await as(other).get(`/api/assessment/attempts/${id}`),
        await as(other).put(`/api/assessment/attempts/${id}/responses`, {
          responses: inAttempt(started.body, { '0': 'b' }),
        }),
        await as(other).post(`/api/assessment/attempts/${id}/submit`),
      ];
      expect(probes.map((p) => p.status)).toEqual([404, 404, 404]);
      expect(probes.every((p) => p.body.code === 'ASSESSMENT.ATTEMPT_NOT_FOUND')).toBe(true);
      const stranger = await givenUser(t, { unitId });
      expect((await as(stranger).post(`/api/assessment/quizzes/${course.quizId}/attempts`)).status).toBe(404);

      await as(learner).post(`/api/assessment/attempts/${id}/submit`, {
        responses: inAttempt(started.body, SAMPLE_RIGHT),
      });
      await t.drain();
      for (const res of [started, await as(learner).get(`/api/assessment/attempts/${id}`)]) {
        expect(Object.keys(res.body).sort()).toEqual([...LEARNER_ATTEMPT_FIELDS].sort());
        for (const q of res.body.questions) {
          expect(
            Object.keys(q).every((k) =>
              ['slot', 'type', 'stem', 'points', 'options', 'prompts', 'choices', 'items'].includes(k),
            ),
          ).toBe(true);
          for (const o of q.options ?? []) expect(Object.keys(o).sort()).toEqual(['id', 'text']);
        }
        // The bank names options a, b, c…, and a bank written the GIFT way puts the right one
        // first: the attempt shows ids of its own, so the ids say nothing of the key.
        const shownIds = res.body.questions.flatMap((q: { options?: Array<{ id: string }> }) =>
          (q.options ?? []).map((o) => o.id),
        );
        expect(shownIds).toHaveLength(3);
        expect(shownIds.filter((oid: string) => /^[a-z]$/.test(oid))).toEqual([]);
        expect(res.body.review).toBeNull();
        expect(JSON.stringify(res.body.questions)).not.toMatch(/correct|Pancasila|feedback|key|answer/i);
      }
    });

    it('(9) editing the questions and the quiz after attempts exist changes no score until a regrade', async () => {
      const course = await givenQuizCourse(t, instructor.auth);
      const learner = await enrolled(course.courseId);
      const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
        responses: inAttempt(started.body, { '0': 'b', '1': true, '2': 'x' }),
      });
      await t.drain();
      const before = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
      expect(before.body.result.score).toBe(1);

      // The instructor decides option b was right all along, and doubles the points.
      const fixed = await fixFirstKey(course, 2);
      expect(fixed.status).toBe(200);
      const after = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
      expect(after.body.result).toEqual(before.body.result);

      const regrade = await as(instructor).post(
        `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades`,
      );
      expect(regrade.status).toBe(202);
      await t.drain();
      const progress = await as(instructor).get(
        `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades/${regrade.body.id}`,
      );
      expect(progress.body).toMatchObject({ status: 'done', total: 1, done: 1, changed: 1 });
      const regraded = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
      expect(regraded.body.result).toMatchObject({ score: 3, max: 4 });
    });

    it('a regrade shows the fixed key in the review even where the total stays the same', async () => {
      const course = await givenQuizCourse(t, instructor.auth);
      const learner = await enrolled(course.courseId);
      const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      const third = started.body.questions[0].options.find((o: { text: string }) => o.text === 'Anggota Sipil Negara');
      await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
        responses: { '0': third.id, '1': true, '2': 'x' },
      });
      await t.drain();
      const before = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
      expect(before.body.result.score).toBe(1);

      await fixFirstKey(course);
      await as(instructor).post(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades`);
      await t.drain();
      const after = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
      expect(after.body.result.score).toBe(1);
      const fixed = after.body.questions[0].options.find((o: { text: string }) => o.text === 'Aparat Sipil Nasional');
      expect(after.body.review[0].correctResponse).toBe(fixed.id);
    });

    it("a regrade that changes a question's points gives a person's mark on it the same share of the new points", async () => {
      const course = await givenQuizCourse(t, instructor.auth);
      const overridden = await enrolled(course.courseId);
      const graded = await enrolled(course.courseId);
      const take = async (who: GivenUser, short: string) => {
        const started = await as(who).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
        await as(who).post(`/api/assessment/attempts/${started.body.id}/submit`, {
          responses: inAttempt(started.body, { '0': 'b', '1': true, '2': short }),
        });
        return started.body.id as string;
      };
      const a = await take(overridden, 'Pancasila 1945');
      const b = await take(graded, 'Pancasila');
      await t.drain();
      const mark = await as(instructor).put(`/api/assessment/courses/${course.courseId}/attempts/${a}/slots/2/mark`, {
        points: 1,
        reason: 'Jawaban memuat Pancasila; diterima.',
      });
      expect(mark.status).toBe(200);

      // The short question now weighs 3 points.
      const changed = await as(instructor).put(
        `/api/assessment/courses/${course.courseId}/questions/${course.questionIds[2]}`,
        { type: 'short', stem: 'Dasar negara Indonesia adalah …', answers: ['Pancasila'], points: 3 },
      );
      expect(changed.status).toBe(200);
      await as(instructor).post(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades`);
      await t.drain();

      for (const [who, id] of [
        [graded, b],
        [overridden, a],
      ] as const) {
        const after = await as(who).get(`/api/assessment/attempts/${id}`);
        expect(after.body.result).toMatchObject({ score: 4, max: 5, percent: 80 });
        expect(after.body.review[2]).toMatchObject({ scored: 3, max: 3 });
      }
      const detail = await as(instructor).get(`/api/assessment/courses/${course.courseId}/attempts/${a}`);
      expect(detail.body).toMatchObject({ score: 4, max: 5 });
    });

    it('a regrade also fixes the key of attempts still in progress or waiting for their grading', async () => {
      const course = await givenQuizCourse(t, instructor.auth);
      const stillAnswering = await enrolled(course.courseId);
      const submitsLater = await enrolled(course.courseId);
      const open = await as(stillAnswering).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
      const queued = await as(submitsLater).post(`/api/assessment/quizzes/${course.quizId}/attempts`);

      const fixed = await fixFirstKey(course, 2);
      expect(fixed.status).toBe(200);
      const regrade = await as(instructor).post(
        `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades`,
      );
      expect(regrade.status).toBe(202);
      // Submitted after the regrade was asked: its grading job is queued behind the regrade.
      const answers = { '0': 'b', '1': true, '2': 'x' };
      await as(submitsLater).post(`/api/assessment/attempts/${queued.body.id}/submit`, {
        responses: inAttempt(queued.body, answers),
      });
      await t.drain();
      const progress = await as(instructor).get(
        `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades/${regrade.body.id}`,
      );
      expect(progress.body).toMatchObject({ status: 'done', total: 2, done: 2 });

      await as(stillAnswering).post(`/api/assessment/attempts/${open.body.id}/submit`, {
        responses: inAttempt(open.body, answers),
      });
      await t.drain();
      for (const [who, attempt] of [
        [submitsLater, queued],
        [stillAnswering, open],
      ] as const) {
        const graded = await as(who).get(`/api/assessment/attempts/${attempt.body.id}`);
        expect(graded.body.result).toMatchObject({ score: 3, max: 4 });
      }
    });
  });
});
