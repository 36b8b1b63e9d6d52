import { TransactionRunner } from '../../libs/database';
import fc from 'fast-check';
import { FindOperator, In, Like } from 'typeorm';
import { AuthUser } from '../../libs/auth';
import { Clock } from '../../libs/common';
import {
  GradedAttempts,
  JOB_TRANSPORT,
  JobTransport,
  OutboxMessage,
  OutboxRelay,
  OutboxService,
} from '../../libs/queue';
import { BullMqTransport } from '../../libs/queue/bullmq.transport';
import { InProcessTransport } from '../../libs/queue/in-process.transport';
import {
  asUser,
  createTestApp,
  givenDirectEnrolments,
  givenQuizCourse,
  GivenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  gradedEventsByAttempt,
  gradedEventsOf,
  inAttempt,
  SAMPLE_RIGHT,
  SAMPLE_WRONG,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { AttemptView } from '../../src/modules/assessment/attempts/attempt.view';
import { AttemptsService } from '../../src/modules/assessment/attempts/attempts.service';
import { gradedAttemptsOf } from '../../src/modules/assessment/attempts/graded-event';
import { Grader } from '../../src/modules/assessment/attempts/grader';
import { QuizAttempt } from '../../src/modules/assessment/entities';
import { Enrolment, JpLedgerEntry, LessonProgress } from '../../src/modules/learning/entities';

/**
 * Grading through the outbox survives what production throws at it: a fault between the
 * two writes of a submission, Redis being away, a row relayed twice, two relays at once,
 * and any mix of crashes and redeliveries. Every test stops the app's relay loop and moves
 * the outbox by hand (t.drain() and relayDue() work with the loop stopped), so nothing is
 * graded behind the test's back.
 */
describe(`grading reliability (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.get(OutboxRelay).stop();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const outbox = () => t.dataSource.getRepository(OutboxMessage);
  const attempts = () => t.dataSource.getRepository(QuizAttempt);
  const gradeJobId = (attemptId: string) => `assessment.grade-attempt:${attemptId}`;
  const gradeRows = (attemptId: string) => outbox().findBy({ jobId: gradeJobId(attemptId) });
  const gradedEvents = async (attemptId: string) =>
    (await gradedEventsOf(t.dataSource, attemptId)).map(({ row }) => row);
  /** As if the row's lease ran out or someone replayed it: due again, claimed by nobody. */
  const makeDue = (ids: string[]) =>
    ids.length
      ? outbox().update(
          { id: In(ids) },
          { status: 'pending', claimedBy: null, claimedUntil: null, availableAt: new Date(0) },
        )
      : Promise.resolve();
  const anotherRelay = (transport = t.get<JobTransport>(JOB_TRANSPORT as never)) =>
    new OutboxRelay(t.dataSource, transport, t.get(Clock), t.get(TransactionRunner));
  /** The Grader wrapped (it still grades); the calls per attempt tell how often grading ran. */
  const spyOnGrading = () => jest.spyOn(t.get(Grader), 'grade');
  const callsFor = (spy: ReturnType<typeof spyOnGrading>, attemptId: string) =>
    spy.mock.calls.filter(([id]) => id === attemptId).length;

  const enrolled = async (courseId: string) => {
    const learner = await givenUser(t, { unitId });
    expect((await asUser(t, learner).post(`/api/learning/courses/${courseId}/enrolment`)).status).toBe(200);
    return learner;
  };
  const startAttempt = async (learner: GivenUser, quizId: string): Promise<AttemptView> => {
    const started = await asUser(t, learner).post(`/api/assessment/quizzes/${quizId}/attempts`);
    expect(started.status).toBe(201);
    return started.body as AttemptView;
  };

  it('(1) a fault between the two writes of a submission leaves neither', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0 });
    const learner = await enrolled(course.courseId);
    const started = await startAttempt(learner, course.quizId);
    const attemptId = started.id;
    const right = inAttempt(started, SAMPLE_RIGHT);
    await asUser(t, learner).put(`/api/assessment/attempts/${attemptId}/responses`, { responses: { '0': right['0'] } });
    const service = t.get(OutboxService);
    // Submits are closed in batches: the grading rows of a batch are written by one enqueueMany.
    const enqueueMany = service.enqueueMany.bind(service);
    const spy = jest.spyOn(service, 'enqueueMany').mockImplementation((manager, name, jobs) => {
      if (name === 'assessment.grade-attempt') return Promise.reject(new Error('disk full while writing the outbox'));
      return enqueueMany(manager, name, jobs);
    });

    const failed = await asUser(t, learner).post(`/api/assessment/attempts/${attemptId}/submit`, {
      responses: right,
    });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(spy).toHaveBeenCalledWith(expect.anything(), 'assessment.grade-attempt', [
      { payload: { attemptId }, jobId: attemptId },
    ]);
    // The learner finds the attempt open with the answers autosaved before; the last
    // answers sent with the failed submit were part of it and are not stored either.
    const open = await asUser(t, learner).get(`/api/assessment/attempts/${attemptId}`);
    expect(open.body).toMatchObject({
      status: 'in_progress',
      submittedAt: null,
      responses: { '0': right['0'] },
      revision: 1,
    });
    expect(await attempts().findOneByOrFail({ id: attemptId })).toMatchObject({
      status: 'in_progress',
      submittedAt: null,
      closedBy: null,
    });
    expect(await gradeRows(attemptId)).toHaveLength(0);
    await t.drain();
    expect((await attempts().findOneByOrFail({ id: attemptId })).status).toBe('in_progress');

    spy.mockRestore();
    const again = await asUser(t, learner).post(`/api/assessment/attempts/${attemptId}/submit`, {
      responses: right,
    });
    expect(again.status).toBe(202);
    expect(again.body.status).toBe('submitted');
    await t.drain();
    const graded = await asUser(t, learner).get(`/api/assessment/attempts/${attemptId}`);
    expect(graded.body).toMatchObject({ status: 'graded', result: { score: 3, max: 3, percent: 100, passed: true } });
    expect(await gradeRows(attemptId)).toHaveLength(1);
  });

  it(
    '(2) with Redis unreachable a submit answers 202 at once and leaves a pending outbox row; when Redis is back it is graded exactly once' +
      (usesRedis() ? '' : ' (in-process: the relay to an unreachable Redis, then the in-process runner)'),
    async () => {
      const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0 });
      const learner = await enrolled(course.courseId);
      const started = await startAttempt(learner, course.quizId);
      const attemptId = started.id;
      const grading = spyOnGrading();
      await t.get(OutboxRelay).stop();

      const began = Date.now();
      const submitted = await asUser(t, learner).post(`/api/assessment/attempts/${attemptId}/submit`, {
        responses: inAttempt(started, SAMPLE_RIGHT),
      });
      const tookMs = Date.now() - began;
      expect(submitted.status).toBe(202);
      expect(submitted.body.status).toBe('submitted');
      expect(tookMs).toBeLessThan(1000);
      const [row] = await gradeRows(attemptId);
      expect(row).toMatchObject({ status: 'pending', attempts: 0 });

      // Nothing moves the row while no relay runs (the app polls every 100 ms when its loop is on).
      await new Promise((r) => setTimeout(r, 300));
      expect(await outbox().findOneByOrFail({ id: row.id })).toMatchObject({ status: 'pending', attempts: 0 });
      expect((await attempts().findOneByOrFail({ id: attemptId })).status).toBe('submitted');

      // A relay whose Redis is unreachable: it gives up quickly and keeps the row, with the error.
      const down = new BullMqTransport('redis://127.0.0.1:1', 'unreachable');
      try {
        const relayStarted = Date.now();
        await anotherRelay(down).relayDue();
        expect(Date.now() - relayStarted).toBeLessThan(10_000);
      } finally {
        await down.close();
      }
      const kept = await outbox().findOneByOrFail({ id: row.id });
      expect(kept).toMatchObject({ status: 'pending', attempts: 1 });
      expect(kept.lastError).toBeTruthy();
      expect(grading).not.toHaveBeenCalled();
      const learnerView = await asUser(t, learner).get(`/api/assessment/attempts/${attemptId}`);
      expect(learnerView.body).toMatchObject({ status: 'submitted', result: null });

      // Redis is back (the app's own transport): the row is relayed once its retry time comes.
      await outbox().update({ id: row.id }, { availableAt: new Date(0) });
      await t.drain();
      expect(await attempts().findOneByOrFail({ id: attemptId })).toMatchObject({
        status: 'graded',
        gradeVersion: 1,
        scoreHundredths: 300,
      });
      expect((await gradedEvents(attemptId)).map((e) => e.jobId)).toEqual([`assessment.attempt-graded:${attemptId}:1`]);
      expect(callsFor(grading, attemptId)).toBe(1);
      expect((await outbox().findOneByOrFail({ id: row.id })).status).toBe(usesRedis() ? 'sent' : 'done');
      const page = await asUser(t, learner).get(`/api/learning/courses/${course.courseId}`);
      expect(page.body.enrolment.status).toBe('completed');
    },
  );

  it('(3) the same outbox row relayed twice grades once', async () => {
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0, jp: 3 });
    const learner = await enrolled(course.courseId);
    const started = await startAttempt(learner, course.quizId);
    const attemptId = started.id;
    const submitted = await asUser(t, learner).post(`/api/assessment/attempts/${attemptId}/submit`, {
      responses: inAttempt(started, SAMPLE_RIGHT),
    });
    expect(submitted.status).toBe(202);
    const grading = spyOnGrading();
    const [row] = await gradeRows(attemptId);
    const transport = t.get<JobTransport>(JOB_TRANSPORT as never);

    // Two relays at once, and the row handed to the transport twice more at the same moment
    // (as a relay whose lease ran out mid-delivery would, and the one that took it over).
    await Promise.all([
      t.get(OutboxRelay).relayDue(),
      anotherRelay().relayDue(),
      transport.deliver(row),
      transport.deliver(row),
    ]);
    await t.drain();
    // And once more after it was done: the row replayed from scratch, with its event.
    await makeDue([row.id, ...(await gradedEvents(attemptId)).map((e) => e.id)]);
    await t.drain();

    expect(await attempts().findOneByOrFail({ id: attemptId })).toMatchObject({
      status: 'graded',
      gradeVersion: 1,
      scoreHundredths: 300,
      percentHundredths: 10000,
    });
    expect((await gradedEvents(attemptId)).map((e) => e.jobId)).toEqual([`assessment.attempt-graded:${attemptId}:1`]);
    expect(await gradeRows(attemptId)).toHaveLength(1);
    // In-process every delivery runs the handler (the conditional update makes the later ones no-ops);
    // BullMQ takes one job per jobId, so it grades once.
    expect(callsFor(grading, attemptId)).toBeGreaterThanOrEqual(1);
    if (usesRedis()) expect(callsFor(grading, attemptId)).toBe(1);

    const graded = await asUser(t, learner).get(`/api/assessment/attempts/${attemptId}`);
    expect(graded.body.result).toEqual({ score: 3, max: 3, percent: 100, passed: true });
    const page = await asUser(t, learner).get(`/api/learning/courses/${course.courseId}`);
    expect(page.body.enrolment.status).toBe('completed');
    const ledger = await t.dataSource.getRepository(JpLedgerEntry).findBy({ userId: learner.user.id });
    expect(ledger.map((l) => [l.source, l.jpTenths])).toEqual([['course', 30]]);
    const enrolment = await t.dataSource
      .getRepository(Enrolment)
      .findOneByOrFail({ userId: learner.user.id, courseId: course.courseId });
    expect(await outbox().countBy({ jobId: `learning.course-completed:${enrolment.id}` })).toBe(1);
  });

  /** A learner enrolled straight in the database (no account needed to take a quiz through the services). */
  const enrolDirectly = async (course: GivenQuizCourse): Promise<{ user: AuthUser; enrolmentId: string }> => {
    const [enrolment] = await givenDirectEnrolments(t, course, 1);
    return {
      user: { id: enrolment.userId, role: 'learner', scopeRegionCode: null, locale: 'id' },
      enrolmentId: enrolment.id,
    };
  };

  /** Options named by place (a = the first shown), as SAMPLE_RIGHT and SAMPLE_WRONG name them. */
  const submitThroughService = async (user: AuthUser, quizId: string, responses: Record<string, unknown>) => {
    const service = t.get(AttemptsService);
    const attempt = await service.start(user, quizId);
    const submitted = await service.submit(user, attempt.id, inAttempt(attempt, responses));
    expect(submitted.status).toBe('submitted');
    return attempt.id;
  };

  it('(3) two relays over 1,000 pending submissions: one job and one grade each', async () => {
    const LEARNERS = 20;
    const PER_LEARNER = 50;
    const course = await givenQuizCourse(t, instructor.auth, { textLessons: 0, jp: 2 });
    const learners = await Promise.all(Array.from({ length: LEARNERS }, () => enrolDirectly(course)));
    const began = Date.now();
    // Each learner takes the quiz again and again (one attempt in progress at a time); learners in parallel.
    const ids = (
      await Promise.all(
        learners.map(async ({ user }) => {
          const mine: string[] = [];
          for (let i = 0; i < PER_LEARNER; i++)
            mine.push(await submitThroughService(user, course.quizId, SAMPLE_RIGHT));
          return mine;
        }),
      )
    ).flat();
    const submittedMs = Date.now() - began;
    expect(new Set(ids).size).toBe(1000);
    expect(await outbox().countBy({ jobId: In(ids.map(gradeJobId)), status: 'pending' })).toBe(1000);

    const grading = spyOnGrading();
    const relayStarted = Date.now();
    await Promise.all([t.get(OutboxRelay).relayDue(), anotherRelay().relayDue()]);
    await t.drain(120_000);
    const relayedMs = Date.now() - relayStarted;

    const graded = await attempts().find({
      select: { id: true, status: true, gradeVersion: true, scoreHundredths: true },
      where: { id: In(ids) },
    });
    expect(graded).toHaveLength(1000);
    expect(graded.filter((a) => a.status !== 'graded' || a.gradeVersion !== 1 || a.scoreHundredths !== 300)).toEqual(
      [],
    );
    // One grade each: the grader ran once per attempt, never twice for one.
    const runs = new Map<string, number>();
    for (const [id] of grading.mock.calls) runs.set(id, (runs.get(id) ?? 0) + 1);
    expect(grading.mock.calls.length).toBeLessThanOrEqual(1000);
    expect([...runs.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(ids.filter((id) => runs.get(id) !== 1)).toEqual([]);
    // One job each: one grade-attempt row per attempt, delivered once, and one graded event per attempt.
    const jobs = await outbox().findBy({ jobId: In(ids.map(gradeJobId)) });
    expect(jobs).toHaveLength(1000);
    expect(jobs.filter((j) => j.status !== (usesRedis() ? 'sent' : 'done') || j.attempts !== 0)).toEqual([]);
    const events = await gradedEventsByAttempt(t.dataSource);
    expect(ids.filter((id) => events.get(id)?.length !== 1)).toEqual([]);
    // Every learner's course completed once.
    const ledger = await t.dataSource
      .getRepository(JpLedgerEntry)
      .findBy({ userId: In(learners.map((l) => l.user.id)) });
    expect(ledger).toHaveLength(LEARNERS);
    console.log(`1,000 submissions: submitted in ${submittedMs} ms, relayed and graded in ${relayedMs} ms`);
  }, 180_000);

  describe('(10) any order of deliver / crash / redeliver / duplicate relay ends in the state of one clean delivery', () => {
    type Op =
      | 'deliver'
      | 'crash-mid-grading'
      | 'crash-after-commit'
      | 'redeliver'
      | 'duplicate-relay'
      | 'stale-lease'
      | 'duplicate-event';
    const OPS: Op[] = [
      'deliver',
      'crash-mid-grading',
      'crash-after-commit',
      'redeliver',
      'duplicate-relay',
      'stale-lease',
      'duplicate-event',
    ];
    let course: GivenQuizCourse;

    beforeAll(async () => {
      course = await givenQuizCourse(t, instructor.auth, { textLessons: 0, jp: 2.5 });
    });

    /** What the learner and the platform hold for one attempt, without ids or timestamps. */
    async function stateOf(attemptId: string, user: AuthUser, enrolmentId: string) {
      const attempt = await attempts().findOneByOrFail({ id: attemptId });
      const enrolment = await t.dataSource.getRepository(Enrolment).findOneByOrFail({ id: enrolmentId });
      const progress = await t.dataSource.getRepository(LessonProgress).findBy({ userId: user.id });
      const ledger = await t.dataSource.getRepository(JpLedgerEntry).findBy({ userId: user.id });
      const rows = async (jobId: string | FindOperator<string>) =>
        (await outbox().findBy({ jobId })).map((r) => `${r.jobId.replace(attemptId, '<attempt>')}=${r.status}`).sort();
      const view = await t.get(AttemptsService).get(user, attemptId);
      // Each attempt gives its options ids of its own: responses compare by the place shown (a = first).
      const placeOf = (slot: string, id: unknown) => {
        const i = view.questions.find((q) => String(q.slot) === slot)?.options?.findIndex((o) => o.id === id) ?? -1;
        return i < 0 ? id : String.fromCharCode(97 + i);
      };
      return {
        attempt: {
          status: attempt.status,
          closedBy: attempt.closedBy,
          scoreHundredths: attempt.scoreHundredths,
          maxHundredths: attempt.maxHundredths,
          percentHundredths: attempt.percentHundredths,
          gradeVersion: attempt.gradeVersion,
          gradingError: attempt.gradingError,
          graded: attempt.gradedAt !== null,
          marks: attempt.marksJson && JSON.parse(attempt.marksJson),
          responses: Object.fromEntries(
            Object.entries(JSON.parse(attempt.responsesJson) as Record<string, unknown>).map(([slot, r]) => [
              slot,
              placeOf(slot, r),
            ]),
          ),
        },
        learnerSees: { status: view.status, result: view.result },
        gradeJobs: await rows(gradeJobId(attemptId)),
        gradedEvents: await rows(Like(`assessment.attempt-graded:${attemptId}:%`)),
        courseCompletedEvents: (await rows(`learning.course-completed:${enrolmentId}`)).map((r) =>
          r.replace(enrolmentId, '<enrolment>'),
        ),
        lessonsDone: progress.filter((p) => p.completedAt !== null).map((p) => p.lessonId),
        enrolment: { status: enrolment.status, completed: enrolment.completedAt !== null },
        ledger: ledger.map((l) => `${l.source}:${l.jpTenths}`),
      };
    }

    /**
     * One way of moving the outbox. kind 'in-process' runs handlers in the relay's call, on
     * whichever database the suite uses; kind 'bullmq' hands rows to Redis and waits for the
     * app's workers (and BullMQ's own retries) to finish.
     */
    function machinery(kind: 'in-process' | 'bullmq') {
      const transport = kind === 'in-process' ? t.get(InProcessTransport) : t.get<JobTransport>(JOB_TRANSPORT as never);
      const relayA = anotherRelay(transport);
      const relayB = anotherRelay(transport);
      const settled = async () => {
        if (kind === 'in-process') return;
        const deadline = Date.now() + 60_000;
        while (!(await transport.idle())) {
          if (Date.now() > deadline) throw new Error('BullMQ did not become idle');
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      const relay = async (...relays: OutboxRelay[]) => {
        await Promise.all(relays.map((r) => r.relayDue()));
        await settled();
      };
      /** Until nothing of this run is left to do: the rows still pending are made due and relayed. */
      const finish = async (attemptId: string, enrolmentId: string) => {
        for (let round = 0; ; round++) {
          const open = await outbox().find({
            where: [
              { jobId: gradeJobId(attemptId), status: 'pending' },
              { jobId: Like(`assessment.attempt-graded:${attemptId}:%`), status: 'pending' },
              { jobId: `learning.course-completed:${enrolmentId}`, status: 'pending' },
            ],
          });
          if (open.length === 0) return;
          if (round > 20) throw new Error(`Rows still pending: ${open.map((o) => o.jobId).join(', ')}`);
          await makeDue(open.map((o) => o.id));
          await relay(relayA);
        }
      };
      return { transport, relayA, relayB, relay, settled, finish };
    }

    /**
     * Grading that crashes once when told to: mid-way (the attempt is scored, then writing its
     * graded event fails, so the transaction must take the score back with it), or after its
     * transaction committed and before the job was acknowledged.
     */
    function crashableGrading() {
      const state: { crash: null | { attemptId: string; when: 'mid-grading' | 'after-commit' }; fired: string[] } = {
        crash: null,
        fired: [],
      };
      const armed = (attemptId: string, when: 'mid-grading' | 'after-commit') => {
        if (state.crash?.attemptId !== attemptId || state.crash.when !== when) return false;
        state.crash = null;
        state.fired.push(when);
        return true;
      };
      const service = t.get(OutboxService);
      const enqueue = service.enqueue.bind(service);
      // Grading writes one graded event for its whole batch.
      jest.spyOn(service, 'enqueue').mockImplementation(async (manager, name, payload, options) => {
        if (name === 'assessment.attempt-graded') {
          for (const { attemptId } of gradedAttemptsOf(payload as GradedAttempts)) {
            if (armed(attemptId, 'mid-grading')) {
              throw new Error('worker crashed between scoring the attempt and writing its event');
            }
          }
        }
        return enqueue(manager, name, payload, options);
      });
      const grader = t.get(Grader);
      const grade = grader.grade.bind(grader);
      jest.spyOn(grader, 'grade').mockImplementation(async (attemptId) => {
        await grade(attemptId);
        if (armed(attemptId, 'after-commit'))
          throw new Error('worker crashed after grading, before the job was acknowledged');
      });
      return state;
    }

    async function runProperty(kind: 'in-process' | 'bullmq', numRuns: number, maxCrashes: number) {
      const m = machinery(kind);
      const crashes = crashableGrading();
      const freshSubmission = async (right: boolean) => {
        const { user, enrolmentId } = await enrolDirectly(course);
        const attemptId = await submitThroughService(user, course.quizId, right ? SAMPLE_RIGHT : SAMPLE_WRONG);
        return { user, enrolmentId, attemptId };
      };

      // The references: one clean delivery each, of a passing and of a failing submission.
      const reference = new Map<boolean, Awaited<ReturnType<typeof stateOf>>>();
      for (const right of [true, false]) {
        const { user, enrolmentId, attemptId } = await freshSubmission(right);
        await m.relay(m.relayA);
        await m.finish(attemptId, enrolmentId);
        reference.set(right, await stateOf(attemptId, user, enrolmentId));
      }
      expect(reference.get(true)).toMatchObject({
        attempt: { status: 'graded', gradeVersion: 1, scoreHundredths: 300 },
        enrolment: { status: 'completed' },
        ledger: ['course:25'],
      });
      expect(reference.get(false)).toMatchObject({
        attempt: { status: 'graded', gradeVersion: 1, scoreHundredths: 0 },
        enrolment: { status: 'active' },
        ledger: [],
      });

      const scenario = fc
        .record({ right: fc.boolean(), ops: fc.array(fc.constantFrom(...OPS), { minLength: 1, maxLength: 8 }) })
        .filter(({ ops }) => ops.filter((op) => op.startsWith('crash')).length <= maxCrashes);

      await fc.assert(
        fc.asyncProperty(scenario, async ({ right, ops }) => {
          const { user, enrolmentId, attemptId } = await freshSubmission(right);
          const [gradeRow] = await gradeRows(attemptId);
          for (const op of ops) {
            switch (op) {
              case 'deliver':
                await m.relay(m.relayA);
                break;
              case 'crash-mid-grading':
              case 'crash-after-commit':
                // The next run of this attempt's grading crashes; the row is due (again) so it runs.
                crashes.crash = { attemptId, when: op === 'crash-mid-grading' ? 'mid-grading' : 'after-commit' };
                await makeDue([gradeRow.id]);
                await m.relay(m.relayA);
                crashes.crash = null;
                break;
              case 'redeliver':
                await makeDue([gradeRow.id]);
                await m.relay(m.relayA);
                break;
              case 'duplicate-relay':
                await m.relay(m.relayA, m.relayB);
                break;
              case 'stale-lease':
                // Handed over twice at the same moment, whatever its status says.
                await Promise.all([m.transport.deliver(gradeRow), m.transport.deliver(gradeRow)]);
                await m.settled();
                break;
              case 'duplicate-event':
                await makeDue((await gradedEvents(attemptId)).map((e) => e.id));
                await m.relay(m.relayA);
                break;
            }
          }
          await m.finish(attemptId, enrolmentId);
          expect(await stateOf(attemptId, user, enrolmentId)).toEqual(reference.get(right));
        }),
        {
          numRuns,
          // Each crash at least once where it bites: on the first delivery of the grading job.
          examples: [
            [{ right: true, ops: ['crash-mid-grading', 'redeliver'] }],
            [{ right: true, ops: ['crash-after-commit', 'duplicate-event'] }],
          ],
        },
      );
      expect(new Set(crashes.fired)).toEqual(new Set(['mid-grading', 'after-commit']));
    }

    it(`with the in-process runner${usesRedis() ? ' (on this database, beside Redis)' : ''} (40 runs)`, async () => {
      await runProperty('in-process', 40, 3);
    }, 180_000);

    (usesRedis() ? it : it.skip)(
      'with BullMQ on Redis: the workers run the jobs, BullMQ retries the crashes (Redis only, 10 runs)',
      async () => {
        await runProperty('bullmq', 10, 1);
      },
      180_000,
    );
  });
});
