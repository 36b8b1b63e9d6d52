import { DevelopmentPlansApi } from '../../src/modules/development-plans/development-plans.api';
import { PlanProgressService } from '../../src/modules/development-plans/plans/progress/plan-progress.service';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  inAttempt,
  SAMPLE_RIGHT,
  TestApp,
} from '../../libs/testing';

type Plan = Record<string, any>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Completion data feeds the plan through the queue: courses, verified external activities, post-tests. */
describe('development plans: completions tick activities, credit JP and raise levels', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let admin: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId });
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);
  const ok = (res: { status: number; body: any }): Plan => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const planOf = async (who: GivenUser) => ok(await as(who).get('/api/development-plans/me'));

  /** A learner whose draft plan aims M.05 at level 3 through these activities. */
  async function planWith(activities: object[]): Promise<{ learner: GivenUser; plan: Plan }> {
    const learner = await givenUser(t, { unitId });
    let plan = ok(await as(learner).post('/api/development-plans/me', {}));
    plan = ok(
      await as(learner).post(`/api/development-plans/${plan.id}/goals`, {
        version: plan.version,
        competencyCode: 'M.05',
        targetLevel: 3,
      }),
    );
    for (const a of activities) {
      plan = ok(
        await as(learner).post(`/api/development-plans/${plan.id}/activities`, {
          version: plan.version,
          goalId: plan.goals[0].id,
          ...a,
        }),
      );
    }
    return { learner, plan };
  }

  it('ticks the planned course on completion, credits its JP and raises the goal, once', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik Prima',
      jp: 2.5,
      competencies: [{ code: 'M.05', level: 3 }],
    });
    const { learner, plan } = await planWith([{ kind: 'course', courseId: course.courseId }]);
    expect(plan.activities[0]).toMatchObject({ status: 'planned', creditedJp: 0 });

    ok(await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`));
    for (const id of course.lessonIds)
      ok(await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`));
    await t.drain();

    const after = await planOf(learner);
    expect(after.activities[0]).toMatchObject({ status: 'done', creditedJp: 2.5, doneSource: 'course' });
    expect(after.jp).toMatchObject({ earned: 2.5 });
    expect(after.goals[0]).toMatchObject({ competencyCode: 'M.05', baselineLevel: 0, currentLevel: 3, reached: true });
    // A completion before approval counts: the plan is still a draft.
    expect(after.status).toBe('draft');
    // What the other areas (rewards, evaluation) read of it.
    expect(await t.get(DevelopmentPlansApi).planOf(learner.user.id, after.year)).toMatchObject({
      planId: after.id,
      status: 'draft',
      targetJp: 20,
      plannedJp: 2.5,
      earnedJp: 2.5,
      goals: 1,
      goalsReached: 1,
      goalsImproved: 1,
      activities: 1,
      activitiesDone: 1,
    });

    // Replayed events and refreshes change nothing more.
    await t.get(PlanProgressService).refresh(learner.user.id);
    await t.get(PlanProgressService).refresh(learner.user.id);
    const again = await planOf(learner);
    expect(again.activities).toEqual(after.activities);
    expect(again.events.filter((e: Plan) => e.action === 'activity-done')).toHaveLength(1);
    expect(again.events.filter((e: Plan) => e.action === 'goal-reached')).toHaveLength(1);
  });

  it('ticks a course finished before it was added to the plan', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      jp: 2,
      competencies: [{ code: 'M.05', level: 2 }],
    });
    const learner = await givenUser(t, { unitId });
    ok(await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`));
    for (const id of course.lessonIds)
      ok(await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`));
    await t.drain();
    let plan = ok(await as(learner).post('/api/development-plans/me', {}));
    expect(plan.jp.earned).toBe(2);
    plan = ok(
      await as(learner).post(`/api/development-plans/${plan.id}/activities`, {
        version: plan.version,
        kind: 'course',
        courseId: course.courseId,
      }),
    );
    expect(plan.activities[0]).toMatchObject({ status: 'done', creditedJp: 2 });
  });

  it('ticks a planned form when an external activity of that form is verified', async () => {
    const { learner, plan } = await planWith([
      { kind: 'form', formCode: 'coaching', title: 'Coaching pelayanan', plannedJp: 4 },
      { kind: 'form', formCode: 'mentoring', title: 'Mentoring pelayanan', plannedJp: 4 },
    ]);
    const record = (fields: Record<string, string>) => {
      const req = t.http().post('/api/learning/external-activities').set('authorization', learner.auth);
      for (const [k, v] of Object.entries(fields)) req.field(k, v);
      return req.attach('file', PDF, { filename: 'bukti.pdf', contentType: 'application/pdf' });
    };
    const year = plan.year;
    const activity = ok(
      await record({
        formCode: 'coaching',
        title: 'Coaching oleh Kepala Bidang',
        organiser: 'BKPSDM',
        startDate: `${year}-03-02`,
        endDate: `${year}-03-02`,
        programmeJp: '3',
        international: 'false',
        competencyCode: 'M.05',
        level: '2',
      }),
    );
    await t.drain();
    expect((await planOf(learner)).activities[0].status).toBe('planned');
    ok(await as(admin).post(`/api/learning/external-activities/${activity.id}/verification`));
    await t.drain();
    const after = await planOf(learner);
    expect(after.activities.map((a: Plan) => [a.formCode, a.status, a.creditedJp, a.doneSource])).toEqual([
      ['coaching', 'done', 3, 'external'],
      ['mentoring', 'planned', 0, null],
    ]);
    expect(after.goals[0]).toMatchObject({ currentLevel: 2, reached: false });
    expect(after.jp.earned).toBe(3);
  });

  it('ticks the course activity when its post-test is passed, before the course is complete', async () => {
    const quizCourse = await givenQuizCourse(t, instructor.auth, {
      title: 'Manajemen Risiko',
      jp: 3,
      textLessons: 1,
      quiz: { role: 'post' },
    });
    const { learner } = await planWith([{ kind: 'course', courseId: quizCourse.courseId }]);
    ok(await as(learner).post(`/api/learning/courses/${quizCourse.courseId}/enrolment`));
    const attempt = ok(await as(learner).post(`/api/assessment/quizzes/${quizCourse.quizId}/attempts`));
    ok(
      await as(learner).post(`/api/assessment/attempts/${attempt.id}/submit`, {
        responses: inAttempt(attempt, SAMPLE_RIGHT),
      }),
    );
    await t.drain();
    const course = ok(await as(learner).get(`/api/learning/courses/${quizCourse.courseId}`));
    expect(course.enrolment.status).not.toBe('completed');
    const after = await planOf(learner);
    expect(after.activities[0]).toMatchObject({ status: 'done', doneSource: 'posttest', creditedJp: 0 });
    expect(after.jp.earned).toBe(0);
  });
});
