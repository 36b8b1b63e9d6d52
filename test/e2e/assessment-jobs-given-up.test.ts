import { Queue } from 'bullmq';
import { JOB_MAX_ATTEMPTS, OutboxMessage, OutboxRelay, OutboxService } from '../../libs/queue';
import { bullPrefix, redisConnection } from '../../libs/queue/redis-connection';
import { QuizAttempt, RegradeRun } from '../../src/modules/assessment/entities';
import { Grader } from '../../src/modules/assessment/attempts/grader';
import { RegradesService } from '../../src/modules/assessment/grading/regrades.service';
import {
  asUser,
  browserAgent,
  createTestApp,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  GivenUser,
  inAttempt,
  SAMPLE_RIGHT,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

/**
 * Jobs whose retries run out leave what they were doing visible and recoverable: a grading
 * becomes a failed attempt the instructor sees and replays, a regrade run ends as failed.
 */
describe('assessment: grading and regrade jobs given up after their retries', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let enrolled: GivenInstructorOfUnit['enrolled'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor, enrolled } = await givenInstructorOfUnit(t));
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const as = (who: GivenUser) => asUser(t, who);
  const regrades = (course: { courseId: string; quizId: string }) =>
    `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/regrades`;
  const deadlock = () =>
    Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });

  /**
   * Runs the queue, each failed try's backoff cut short, until `over` says the job was given
   * up. In-process a retry waits in its outbox row, which is made due at once; on BullMQ it
   * waits as a delayed job, which is promoted (else the retries take 2 + 4 + 8 + 16 s).
   */
  const drainThroughRetries = async (over: () => Promise<boolean>) => {
    const redis = t.config.redis;
    const connection = redis ? redisConnection(redis.url, 'worker') : null;
    const queue = redis ? new Queue('assessment', { connection: connection!, prefix: bullPrefix(redis.prefix) }) : null;
    try {
      for (let i = 0; !(await over()); i++) {
        if (i > 150) throw new Error('The job was not given up');
        await t.get(OutboxRelay).relayDue();
        for (const job of (await queue?.getDelayed()) ?? []) await job.promote().catch(() => undefined);
        await t.dataSource
          .getRepository(OutboxMessage)
          .createQueryBuilder()
          .update()
          .set({ availableAt: new Date(0) })
          .where('status = :pending AND attempts > 0', { pending: 'pending' })
          .execute();
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await queue?.close();
      connection?.disconnect();
    }
    await t.drain();
  };

  it('an attempt whose grading keeps failing is listed as failed with why, and a replay grades it', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    const grade = jest.spyOn(t.get(Grader), 'grade').mockRejectedValue(deadlock());
    const submitted = await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    expect(submitted.status).toBe(202);
    const attempts = t.dataSource.getRepository(QuizAttempt);
    await drainThroughRetries(
      async () => (await attempts.findOneByOrFail({ id: started.body.id })).status !== 'submitted',
    );
    expect(grade).toHaveBeenCalledTimes(JOB_MAX_ATTEMPTS);

    // The API says why in one stable English sentence; the driver's text is only logged.
    const failed = await as(instructor).get(`/api/assessment/courses/${course.courseId}/attempts?status=failed`);
    expect(failed.body.items).toEqual([
      expect.objectContaining({
        attemptId: started.body.id,
        status: 'failed',
        gradingError: `Grading gave up after ${JOB_MAX_ATTEMPTS} tries`,
      }),
    ]);
    // The instructor's pages word it in their language, and never show the database's error.
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const gaveUp = `Penilaian dihentikan setelah ${JOB_MAX_ATTEMPTS} kali dicoba.`;
    const page = await agent.get(`/pengajar/kursus/${course.courseId}/penilaian`);
    expect(page.text).toContain('Penilaian gagal (1)');
    expect(page.text).toContain(gaveUp);
    const detailPage = await agent.get(`/pengajar/kursus/${course.courseId}/penilaian/${started.body.id}`);
    expect(detailPage.text).toContain(gaveUp);
    for (const text of [page.text, detailPage.text]) {
      expect(text).not.toMatch(/Deadlock|Grading gave up/);
    }
    await agent.get(`/bahasa?ke=en&next=/pengajar/kursus/${course.courseId}/penilaian`);
    const english = await agent.get(`/pengajar/kursus/${course.courseId}/penilaian`);
    expect(english.text).toContain(`Grading stopped after ${JOB_MAX_ATTEMPTS} tries.`);
    expect(english.text).not.toMatch(/Deadlock|Penilaian dihentikan/);
    await agent.get(`/bahasa?ke=id&next=/pengajar/kursus/${course.courseId}/penilaian`);

    // The database is well again: the instructor replays, and the learner has a grade.
    grade.mockRestore();
    const replay = await as(instructor).post(
      `/api/assessment/courses/${course.courseId}/attempts/${started.body.id}/replay`,
    );
    expect(replay.status).toBe(202);
    await t.drain();
    const graded = await as(learner).get(`/api/assessment/attempts/${started.body.id}`);
    expect(graded.body).toMatchObject({ status: 'graded', result: expect.objectContaining({ score: 3, max: 3 }) });
    const detail = await as(instructor).get(`/api/assessment/courses/${course.courseId}/attempts/${started.body.id}`);
    expect(detail.body).toMatchObject({ status: 'graded', gradingError: null });
  });

  it('a pre-test whose grading is given up still counts as taken: its lesson is done', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { quiz: { role: 'pre' } });
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    jest.spyOn(t.get(Grader), 'grade').mockRejectedValue(deadlock());
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    const attempts = t.dataSource.getRepository(QuizAttempt);
    await drainThroughRetries(
      async () => (await attempts.findOneByOrFail({ id: started.body.id })).status !== 'submitted',
    );
    const page = await as(learner).get(`/api/learning/courses/${course.courseId}`);
    const lesson = (page.body.modules as Array<{ lessons: Array<{ id: string; state: { completed: boolean } }> }>)
      .flatMap((m) => m.lessons)
      .find((l) => l.id === course.quizLessonId);
    expect(lesson?.state.completed).toBe(true);
  });

  it('a regrade run that keeps failing ends as failed, and the quiz can be regraded again', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const learner = await enrolled(course.courseId);
    const started = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(learner).post(`/api/assessment/attempts/${started.body.id}/submit`, {
      responses: inAttempt(started.body, SAMPLE_RIGHT),
    });
    await t.drain();
    const service = t.get(RegradesService);
    expect((await service.latestRuns(course.courseId)).get(course.quizId)).toBeUndefined();

    const run = jest.spyOn(service, 'run').mockRejectedValue(deadlock());
    const first = await as(instructor).post(regrades(course));
    expect(first.status).toBe(202);
    const runs = t.dataSource.getRepository(RegradeRun);
    await drainThroughRetries(async () => (await runs.findOneByOrFail({ id: first.body.id })).status === 'failed');
    expect(run).toHaveBeenCalledTimes(JOB_MAX_ATTEMPTS);
    const progress = await as(instructor).get(`${regrades(course)}/${first.body.id}`);
    expect(progress.body).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
    expect((await service.latestRuns(course.courseId)).get(course.quizId)).toMatchObject({
      id: first.body.id,
      status: 'failed',
    });

    run.mockRestore();
    const second = await as(instructor).post(regrades(course));
    expect(second.status).toBe(202);
    await t.drain();
    const done = await as(instructor).get(`${regrades(course)}/${second.body.id}`);
    expect(done.body).toMatchObject({ status: 'done', total: 1, done: 1 });
    // The newest run of the quiz, not the failed one before it.
    expect((await service.latestRuns(course.courseId)).get(course.quizId)).toEqual(done.body);
    // Asked under a course the quiz is not in: nothing.
    const other = await givenQuizCourse(t, instructor.auth);
    expect([...(await service.latestRuns(other.courseId)).keys()]).toEqual([]);
    // Each quiz its own newest run, under its own course only.
    const otherRun = await as(instructor).post(regrades(other));
    await t.drain();
    expect([...(await service.latestRuns(other.courseId)).entries()]).toEqual([
      [other.quizId, expect.objectContaining({ id: otherRun.body.id, status: 'done' })],
    ]);
    expect([...(await service.latestRuns(course.courseId)).keys()]).toEqual([course.quizId]);
  });

  it('two regrade requests at the same moment start one run; the other is told one is running', async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    // Each request, once past its check, waits (a moment at most) for the other to get there too.
    const outbox = t.get(OutboxService);
    const enqueue = outbox.enqueue.bind(outbox);
    let arrived = 0;
    let bothIn: () => void = () => undefined;
    const both = new Promise<void>((resolve) => (bothIn = resolve));
    jest.spyOn(outbox, 'enqueue').mockImplementation(async (...args: Parameters<OutboxService['enqueue']>) => {
      if (args[1] === 'assessment.regrade-run') {
        if (++arrived === 2) bothIn();
        await Promise.race([both, new Promise((r) => setTimeout(r, 500))]);
      }
      return enqueue(...args);
    });
    // And the run waits until both are answered: a run already over would rightly let the second start.
    const service = t.get(RegradesService);
    const real = service.run.bind(service);
    let answered: () => void = () => undefined;
    const bothAnswered = new Promise<void>((resolve) => (answered = resolve));
    jest.spyOn(service, 'run').mockImplementation(async (id) => {
      await bothAnswered;
      return real(id);
    });
    const answers = await Promise.all([as(instructor).post(regrades(course)), as(instructor).post(regrades(course))]);
    answered();
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('ASSESSMENT.REGRADE_RUNNING');
    await t.drain();
  });

  it("a regrade's progress never passes its total when attempts start while it waits", async () => {
    const course = await givenQuizCourse(t, instructor.auth);
    const early = await enrolled(course.courseId);
    const first = await as(early).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    await as(early).post(`/api/assessment/attempts/${first.body.id}/submit`, {
      responses: inAttempt(first.body, SAMPLE_RIGHT),
    });
    await t.drain();

    // The run waits in the queue while two more learners start the quiz.
    const service = t.get(RegradesService);
    const real = service.run.bind(service);
    let go: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (go = resolve));
    jest.spyOn(service, 'run').mockImplementation(async (id) => {
      await released;
      return real(id);
    });
    const regrade = await as(instructor).post(regrades(course));
    expect(regrade.body).toMatchObject({ total: 1, done: 0 });
    for (let i = 0; i < 2; i++) {
      const late = await enrolled(course.courseId);
      await as(late).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    }
    go();
    await t.drain();
    const progress = await as(instructor).get(`${regrades(course)}/${regrade.body.id}`);
    expect(progress.body).toMatchObject({ status: 'done', done: 3, total: 3 });
  });
});
