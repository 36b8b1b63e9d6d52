import fc from 'fast-check';
import { AuthUser } from '../../libs/auth';
import { DomainException, newId } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import {
  createTestApp,
  givenPublishedCourse,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  TEST_PASSWORD,
  TestApp,
} from '../../libs/testing';
import { QuizAttempt } from '../../src/modules/assessment/entities/attempt.entity';
import { PlanEditingService } from '../../src/modules/development-plans/plans/editing/plan-editing.service';
import { PlanEvent } from '../../src/modules/development-plans/plans/entities';
import { PlansService } from '../../src/modules/development-plans/plans/plans.service';
import { PlanRefreshJob } from '../../src/modules/development-plans/plans/jobs/plan-refresh.job';
import { PlanWorkflowService } from '../../src/modules/development-plans/plans/workflow/plan-workflow.service';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { Enrolment, ExternalActivity } from '../../src/modules/learning/entities';
import { LearningApi } from '../../src/modules/learning/learning.api';

const RUNS = 30;
/** Everything that can happen to a plan while it is reviewed and carried out. */
const FACTS = [
  'complete-A', // the planned course A (M.05 level 3, 2.5 JP)
  'complete-B', // the planned course B (M.05 level 2, 2 JP), which has a post-test
  'coaching-1', // a verified coaching activity (3 JP) — ticks the planned coaching
  'coaching-2', // a second, earlier one (4 JP): one activity, two candidates
  'seminar', // a verified seminar: JP, but no planned seminar
  'posttest-fail', // a failed post-test of course B
  'posttest-pass', // a passed post-test of course B
  'approve', // the unit admin approves the plan
] as const;
type Fact = (typeof FACTS)[number];

/** A set of facts, and the order they arrive in: shuffled, some twice, some two at once. */
const delivery = fc.subarray([...FACTS]).chain((facts) =>
  fc.record({
    facts: fc.constant(facts),
    arrivals: facts.length
      ? fc.array(fc.record({ fact: fc.constantFrom(...facts), key: fc.double({ noNaN: true }) }), { maxLength: 4 })
      : fc.constant([]),
    keys: fc.array(fc.double({ noNaN: true }), { minLength: facts.length, maxLength: facts.length }),
    together: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  }),
);

/**
 * Completions, verified external activities, post-test grades, duplicates and the plan's
 * approval, delivered in any order (and some twice or concurrently), leave the plan in the
 * state one clean in-order delivery gives.
 */
describe('plan progress does not depend on the order facts arrive in (property)', () => {
  let t: TestApp;
  let unitId: string;
  let courseA: { courseId: string };
  let courseB: { courseId: string; quizId: string };
  let year: number;
  const admin: AuthUser = { id: newId(), role: 'national_admin', scopeRegionCode: null, locale: 'id' };

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    const instructor = await givenUser(t, { role: 'instructor', unitId });
    courseA = await givenPublishedCourse(t, instructor.auth, { jp: 2.5, competencies: [{ code: 'M.05', level: 3 }] });
    courseB = await givenQuizCourse(t, instructor.auth, { jp: 2, quiz: { role: 'post' } });
    // Next year's plan: it starts with its first done activity, not because its year began.
    year = t.get(PlansService).currentYear() + 1;
  }, 60_000);
  afterAll(() => t.close());

  /** A learner without a supervisor whose plan (course A, course B, coaching) waits for the unit admin. */
  async function givenPlan(): Promise<{ user: AuthUser; planId: string }> {
    const account = await t.get(IdentityApi).provisionAccount({
      name: 'Pegawai Properti',
      role: 'learner',
      password: TEST_PASSWORD,
      email: `prop-${newId()}@uji.bina.id`,
      unitId,
      employeeType: 'PNS',
    });
    const user: AuthUser = { id: account.id, role: 'learner', scopeRegionCode: null, locale: 'id' };
    const editing = t.get(PlanEditingService);
    let plan = (await t.get(PlansService).open(user, year)).plan;
    plan = await editing.addGoal(user, plan.id, { version: plan.version, competencyCode: 'M.05', targetLevel: 3 });
    for (const activity of [
      { kind: 'course' as const, courseId: courseA.courseId },
      { kind: 'course' as const, courseId: courseB.courseId },
      { kind: 'form' as const, formCode: 'coaching', plannedJp: 4 },
    ])
      plan = await editing.addActivity(user, plan.id, { version: plan.version, goalId: plan.goals[0].id, ...activity });
    plan = await t.get(PlanWorkflowService).act(user, plan.id, 'submit', plan.version);
    expect(plan.status).toBe('endorsed');
    return { user, planId: plan.id };
  }

  const day = (n: number) => new Date(Date.UTC(year, 2, n, 3));

  /** Makes one fact true (idempotently, as the producing module would) and runs the refresh job it causes. */
  async function deliver(fact: Fact, user: AuthUser, planId: string): Promise<void> {
    const userId = user.id;
    if (fact === 'approve') {
      const plan = await t.get(PlansService).get(admin, planId);
      try {
        await t.get(PlanWorkflowService).act(admin, planId, 'approve', plan.version);
      } catch (err) {
        // A duplicated approval is refused (409): the plan has moved on.
        if (!(err instanceof DomainException) || err.error.kind !== 'conflict') throw err;
      }
      return;
    }
    const sourceId = `${userId.slice(0, 24)}-${FACTS.indexOf(fact)}`.padEnd(36, '0');
    await t.get(TransactionRunner).run(async (m) => {
      if (fact === 'complete-A' || fact === 'complete-B') {
        const course = fact === 'complete-A' ? courseA : courseB;
        const at = day(fact === 'complete-A' ? 10 : 12);
        await m
          .createQueryBuilder()
          .insert()
          .into(Enrolment)
          .values({
            id: sourceId,
            userId,
            courseId: course.courseId,
            versionId: newId(),
            regionCode: '36.74',
            status: 'completed',
            source: 'self',
            assignmentId: null,
            deadline: null,
            lastLessonId: null,
            enrolledAt: at,
            completedAt: at,
            updatedAt: at,
          })
          .orIgnore()
          .execute();
        await t.get(LearningApi).recordCredit(m, {
          userId,
          source: 'course',
          sourceId,
          title: fact,
          year,
          jpTenths: fact === 'complete-A' ? 25 : 20,
          earnedAt: at,
          competencies: [{ code: 'M.05', level: fact === 'complete-A' ? 3 : 2 }],
        });
      } else if (fact === 'coaching-1' || fact === 'coaching-2' || fact === 'seminar') {
        const at = day(fact === 'coaching-1' ? 20 : fact === 'coaching-2' ? 5 : 7);
        const jpTenths = fact === 'coaching-1' ? 30 : fact === 'coaching-2' ? 40 : 80;
        const formCode = fact === 'seminar' ? 'seminar' : 'coaching';
        await m
          .createQueryBuilder()
          .insert()
          .into(ExternalActivity)
          .values({
            id: sourceId,
            userId,
            regionCode: '36.74',
            formCode,
            title: fact,
            organiser: 'Uji',
            startDate: '2027-01-01',
            endDate: '2027-01-01',
            days: 1,
            programmeJpTenths: jpTenths,
            international: false,
            jpTenths,
            competencyCode: null,
            level: null,
            evidenceKey: 'x',
            evidenceMime: 'application/pdf',
            evidenceName: 'x.pdf',
            status: 'verified',
            reviewedBy: admin.id,
            reviewedAt: at,
            rejectionReason: null,
            createdAt: at,
          })
          .orIgnore()
          .execute();
        await t.get(LearningApi).recordCredit(m, {
          userId,
          source: 'external',
          sourceId,
          title: fact,
          year,
          jpTenths,
          earnedAt: at,
          competencies: [],
        });
      } else {
        const at = day(fact === 'posttest-fail' ? 8 : 9);
        const percent = fact === 'posttest-fail' ? 4000 : 8000;
        await m
          .createQueryBuilder()
          .insert()
          .into(QuizAttempt)
          .values({
            id: sourceId,
            quizId: courseB.quizId,
            courseId: courseB.courseId,
            userId,
            number: fact === 'posttest-fail' ? 1 : 2,
            status: 'graded',
            startedAt: at,
            dueAt: null,
            submittedAt: at,
            closedBy: 'learner',
            snapshotJson: '{}',
            responsesJson: '{}',
            revision: 1,
            scoreHundredths: percent,
            maxHundredths: 10000,
            percentHundredths: percent,
            marksJson: null,
            gradedAt: at,
            gradeVersion: 1,
            gradingError: null,
            updatedAt: at,
          })
          .orIgnore()
          .execute();
      }
    });
    // What the queued job does (development-plans.plan-refresh).
    await t.get(PlanRefreshJob).handle({ userId });
  }

  /** The plan as a person sees it, without ids or timestamps of the run. */
  async function stateOf(user: AuthUser, planId: string) {
    const plan = await t.get(PlansService).get(user, planId);
    const events = await t.dataSource.getRepository(PlanEvent).findBy({ planId });
    const count = (action: string) => events.filter((e) => e.action === action).length;
    return {
      status: plan.status,
      jp: plan.jp,
      goals: plan.goals.map((g) => [g.competencyCode, g.currentLevel, g.reached, g.reachedAt?.toISOString() ?? null]),
      activities: plan.activities.map((a) => [
        a.title,
        a.status,
        a.creditedJp,
        a.doneSource,
        a.doneAt?.toISOString() ?? null,
      ]),
      audit: {
        done: count('activity-done'),
        undone: count('activity-undone'),
        started: count('started'),
        approved: count('approved'),
      },
    };
  }

  it(`ends in the same state as one clean in-order delivery (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(delivery, async ({ facts, arrivals, keys, together }) => {
        // The reference: each fact once, in the listed order.
        const clean = await givenPlan();
        for (const fact of FACTS.filter((f) => facts.includes(f))) await deliver(fact, clean.user, clean.planId);

        const shuffled = await givenPlan();
        const sequence = [...facts.map((fact, i) => ({ fact, key: keys[i] })), ...arrivals].sort(
          (a, b) => a.key - b.key,
        );
        for (let i = 0; i < sequence.length; i++) {
          if (together[i % together.length] && i + 1 < sequence.length) {
            await Promise.all(
              [sequence[i], sequence[i + 1]].map((s) => deliver(s.fact, shuffled.user, shuffled.planId)),
            );
            i++;
          } else await deliver(sequence[i].fact, shuffled.user, shuffled.planId);
        }
        // A refresh with nothing new changes nothing either.
        await t.get(PlanRefreshJob).handle({ userId: shuffled.user.id });

        expect(await stateOf(shuffled.user, shuffled.planId)).toEqual(await stateOf(clean.user, clean.planId));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
