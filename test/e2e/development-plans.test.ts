import { IdentityApi } from '../../src/modules/identity/identity.api';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import { PlanCalendarScheduler } from '../../src/modules/development-plans/plans/calendar/plan-calendar.scheduler';
import { PlanCalendarService } from '../../src/modules/development-plans/plans/calendar/plan-calendar.service';
import { PlanGoal } from '../../src/modules/development-plans/plans/entities/plan-goal.entity';
import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TEST_PASSWORD,
  TestApp,
} from '../../libs/testing';

type Plan = Record<string, any>;

/** Individual development plans: proposal, participation, the review workflow, its audit and notices, scope. */
describe('development plans: proposal, participation, workflow and scope', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let tangselAdmin: GivenUser;
  let bantenAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let national: GivenUser;
  let tangselUnit: string;
  let course: { courseId: string };

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    tangselUnit = (await givenUnit(t, '36.74')).id;
    const medanUnit = (await givenUnit(t, '12.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId: tangselUnit });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangselUnit });
    bantenAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId: tangselUnit });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnit });
    national = await givenUser(t, { role: 'national_admin' });
    course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik Prima',
      jp: 2,
      competencies: [{ code: 'M.05', level: 3 }],
    });
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);
  /** The body of a call that must succeed (with this status when given). */
  const ok = (res: { status: number; body: any }, status?: number): Plan => {
    if (status ? res.status !== status : res.status >= 300)
      throw new Error(`expected ${status ?? '2xx'}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A supervisor and one of their staff in Kota Tangerang Selatan (or elsewhere). */
  async function team(unitId = tangselUnit) {
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const learner = await givenUser(t, { unitId, supervisorId: supervisor.user.id });
    return { supervisor, learner };
  }
  /** A plan with one goal and two activities (a course and coaching), ready to submit. */
  async function draftPlan(learner: GivenUser): Promise<Plan> {
    let plan = ok(await as(learner).post('/api/development-plans/me', {}), 201);
    plan = ok(
      await as(learner).post(`/api/development-plans/${plan.id}/goals`, {
        version: plan.version,
        competencyCode: 'M.05',
        targetLevel: 3,
        priority: 'high',
      }),
    );
    plan = ok(
      await as(learner).post(`/api/development-plans/${plan.id}/activities`, {
        version: plan.version,
        kind: 'course',
        courseId: course.courseId,
        goalId: plan.goals[0].id,
      }),
    );
    return ok(
      await as(learner).post(`/api/development-plans/${plan.id}/activities`, {
        version: plan.version,
        kind: 'form',
        formCode: 'coaching',
        title: 'Coaching pelayanan publik bersama Kepala Bidang',
        plannedJp: 4,
        goalId: plan.goals[0].id,
      }),
    );
  }
  const notices = async (who: GivenUser) =>
    (await as(who).get('/api/notifications')).body.items as Array<{ category: string; link: string; body?: string }>;
  const act = (who: GivenUser, plan: Plan, path: string, body: object = {}) =>
    as(who).post(`/api/development-plans/${plan.id}/${path}`, { version: plan.version, ...body });

  it('opens a draft with the yearly target, and warns (without refusing) while planned JP fall short', async () => {
    const { learner } = await team();
    const plan = await draftPlan(learner);
    expect(plan).toMatchObject({
      status: 'draft',
      year: new Date().getFullYear(),
      editable: true,
      actions: ['submit'],
    });
    expect(plan.jp).toEqual({ target: 20, planned: 6, earned: 0, shortfall: 14, short: true });
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'JP_SHORTFALL', shortfallJp: 14 })]);
    expect(plan.goals).toEqual([
      expect.objectContaining({
        competencyCode: 'M.05',
        competencyName: 'Pelayanan Publik',
        targetLevel: 3,
        currentLevel: 0,
      }),
    ]);
    expect(plan.activities.map((a: Plan) => [a.kind, a.title, a.plannedJp, a.status])).toEqual([
      ['course', 'Pelayanan Publik Prima', 2, 'planned'],
      ['form', 'Coaching pelayanan publik bersama Kepala Bidang', 4, 'planned'],
    ]);
    // Opening again gives the same plan.
    expect(ok(await as(learner).post('/api/development-plans/me', {})).id).toBe(plan.id);
    expect(ok(await as(learner).get('/api/development-plans/me')).id).toBe(plan.id);
  });

  it('goes draft → submitted → endorsed → approved → in progress, auditing each step and notifying the next person', async () => {
    const { supervisor, learner } = await team();
    let plan = await draftPlan(learner);
    plan = ok(await act(learner, plan, 'submission'));
    expect(plan).toMatchObject({ status: 'submitted', editable: false, supervisorId: supervisor.user.id });
    await t.drain();
    const toSupervisor = (await notices(supervisor)).find((n) => n.category === 'plan-awaiting-review');
    expect(toSupervisor).toMatchObject({ link: `/rencana/${plan.id}` });

    plan = ok(await as(supervisor).get(`/api/development-plans/${plan.id}`));
    expect(plan.actions).toEqual(['endorse', 'return']);
    plan = ok(await act(supervisor, plan, 'endorsement', { comment: 'Sesuai kebutuhan bidang.' }));
    expect(plan.status).toBe('endorsed');
    await t.drain();
    for (const admin of [tangselAdmin, bantenAdmin])
      expect((await notices(admin)).filter((n) => n.link === `/rencana/${plan.id}`)).toHaveLength(1);
    expect((await notices(medanAdmin)).filter((n) => n.link === `/rencana/${plan.id}`)).toHaveLength(0);

    plan = ok(await act(tangselAdmin, plan, 'approval'));
    // The plan's year has begun: approved plans start at once.
    expect(plan.status).toBe('in_progress');
    await t.drain();
    expect((await notices(learner)).map((n) => n.category)).toContain('plan-approved');
    expect(plan.events.map((e: Plan) => [e.action, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ['created', null, 'draft', learner.user.id],
      ['goal-added', null, null, learner.user.id],
      ['activity-added', null, null, learner.user.id],
      ['activity-added', null, null, learner.user.id],
      ['submitted', 'draft', 'submitted', learner.user.id],
      ['endorsed', 'submitted', 'endorsed', supervisor.user.id],
      ['approved', 'endorsed', 'approved', tangselAdmin.user.id],
      ['started', 'approved', 'in_progress', null],
    ]);
    expect(plan.events[5].comment).toBe('Sesuai kebutuhan bidang.');
  });

  it('refuses every move the workflow does not allow with 409', async () => {
    const { supervisor, learner } = await team();
    let plan = await draftPlan(learner);
    const refused = async (who: GivenUser, path: string, body: object = {}) => {
      const res = await act(who, plan, path, { comment: 'Catatan', ...body });
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'PLANS.TRANSITION_NOT_ALLOWED']);
    };
    // A draft: only its owner submits it.
    await refused(learner, 'endorsement');
    await refused(learner, 'approval');
    await refused(learner, 'return');
    await refused(supervisor, 'return');
    await refused(tangselAdmin, 'approval');
    plan = ok(await act(learner, plan, 'submission'));
    // Submitted: only the supervisor moves it.
    await refused(learner, 'submission');
    await refused(tangselAdmin, 'approval');
    await refused(tangselAdmin, 'endorsement');
    await refused(learner, 'closure');
    plan = ok(await act(supervisor, plan, 'endorsement'));
    // Endorsed: only the unit admin moves it.
    await refused(supervisor, 'approval');
    await refused(supervisor, 'return');
    await refused(supervisor, 'endorsement');
    await refused(learner, 'submission');
    plan = ok(await act(tangselAdmin, plan, 'closure', { comment: 'Pegawai pindah instansi.' }));
    expect(plan.status).toBe('closed');
    expect(plan.summary).toBe(
      'Tujuan tercapai: 0 dari 1. Kegiatan selesai: 0 dari 2. JP diperoleh: 0 dari target 20 (kurang 20). Catatan: Pegawai pindah instansi.',
    );
    for (const path of ['submission', 'endorsement', 'return', 'approval', 'closure'])
      await refused(path === 'submission' ? learner : tangselAdmin, path);
    // Editing is over too.
    const edit = await as(learner).post(`/api/development-plans/${plan.id}/goals`, {
      version: plan.version,
      competencyCode: 'M.01',
      targetLevel: 2,
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'PLANS.NOT_EDITABLE']);
  });

  it('needs a comment to return a plan, tells the owner why, and takes the corrected plan back', async () => {
    const { supervisor, learner } = await team();
    let plan = await draftPlan(learner);
    plan = ok(await act(learner, plan, 'submission'));
    for (const body of [{}, { comment: '' }, { comment: '  ' }]) {
      const res = await act(supervisor, plan, 'return', body);
      expect(res.status).toBe(400);
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain('comment');
    }
    plan = ok(await act(supervisor, plan, 'return', { comment: 'Tambahkan kegiatan untuk JP yang kurang.' }));
    expect(plan.status).toBe('returned');
    await t.drain();
    const returned = (await notices(learner)).find((n) => n.category === 'plan-returned') as Plan;
    expect(JSON.stringify(returned)).toContain('Tambahkan kegiatan untuk JP yang kurang.');

    plan = ok(await as(learner).get(`/api/development-plans/${plan.id}`));
    expect(plan.editable).toBe(true);
    plan = ok(
      await as(learner).post(`/api/development-plans/${plan.id}/activities`, {
        version: plan.version,
        kind: 'form',
        formCode: 'seminar',
        plannedJp: 14,
      }),
    );
    expect(plan.jp).toMatchObject({ planned: 20, short: false });
    expect(plan.warnings).toEqual([]);
    plan = ok(await act(learner, plan, 'submission'));
    plan = ok(await act(supervisor, plan, 'endorsement'));
    plan = ok(await act(tangselAdmin, plan, 'return', { comment: 'Seminar belum ada jadwalnya.' }));
    expect(plan.status).toBe('returned');
  });

  it('adds a goal after the others even once one was removed, so the order holds from load to load', async () => {
    const { learner } = await team(tangselUnit);
    let plan = ok(await as(learner).post('/api/development-plans/me', {}), 201);
    for (const code of ['M.01', 'M.02', 'M.03']) {
      plan = ok(
        await as(learner).post(`/api/development-plans/${plan.id}/goals`, {
          version: plan.version,
          competencyCode: code,
          targetLevel: 3,
        }),
      );
    }
    const first = plan.goals.find((g: Plan) => g.competencyCode === 'M.01');
    plan = ok(await as(learner).del(`/api/development-plans/${plan.id}/goals/${first.id}?version=${plan.version}`));
    plan = ok(
      await as(learner).post(`/api/development-plans/${plan.id}/goals`, {
        version: plan.version,
        competencyCode: 'M.04',
        targetLevel: 2,
      }),
    );
    expect(plan.goals.map((g: Plan) => g.competencyCode)).toEqual(['M.02', 'M.03', 'M.04']);
    const positions = (await t.dataSource.getRepository(PlanGoal).findBy({ planId: plan.id })).map((g) => g.position);
    expect(new Set(positions).size).toBe(3);
  });

  it('refuses a write based on a stale version with 409, so two tabs cannot overwrite each other', async () => {
    const { learner } = await team();
    const plan = await draftPlan(learner);
    const first = ok(
      await as(learner).put(`/api/development-plans/${plan.id}/goals/${plan.goals[0].id}`, {
        version: plan.version,
        targetLevel: 4,
        priority: 'medium',
      }),
    );
    expect(first.goals[0]).toMatchObject({ targetLevel: 4, priority: 'medium' });
    const stale = await as(learner).del(
      `/api/development-plans/${plan.id}/activities/${plan.activities[0].id}?version=${plan.version}`,
    );
    expect([stale.status, stale.body.code]).toEqual([409, 'PLANS.STALE_VERSION']);
    const staleSubmit = await act(learner, plan, 'submission');
    expect([staleSubmit.status, staleSubmit.body.code]).toEqual([409, 'PLANS.STALE_VERSION']);
    const removed = ok(
      await as(learner).del(
        `/api/development-plans/${plan.id}/activities/${plan.activities[0].id}?version=${first.version}`,
      ),
    );
    expect(removed.activities).toHaveLength(1);
    expect(removed.jp.planned).toBe(4);
  });

  it('sends the plan of someone without a supervisor straight to the unit admins of their region', async () => {
    const loner = await givenUser(t, { unitId: tangselUnit });
    let plan = await draftPlan(loner);
    plan = ok(await act(loner, plan, 'submission'));
    expect(plan.status).toBe('endorsed');
    expect(plan.events.at(-1)).toMatchObject({ action: 'submitted', toStatus: 'endorsed' });
    await t.drain();
    expect((await notices(tangselAdmin)).filter((n) => n.link === `/rencana/${plan.id}`)).toHaveLength(1);
  });

  it('shows a plan only to its owner, their supervisor and admins of its region; anyone else gets 404', async () => {
    const { supervisor, learner } = await team();
    const other = await team();
    const medan = await team((await givenUnit(t, '12.71')).id);
    const plan = await draftPlan(learner);
    const medanPlan = await draftPlan(medan.learner);
    for (const who of [learner, supervisor, tangselAdmin, bantenAdmin, national])
      expect((await as(who).get(`/api/development-plans/${plan.id}`)).status).toBe(200);
    for (const who of [other.supervisor, other.learner, medanAdmin, medan.learner]) {
      const res = await as(who).get(`/api/development-plans/${plan.id}`);
      expect([res.status, res.body.code]).toEqual([404, 'PLANS.PLAN_NOT_FOUND']);
    }
    ok(await act(learner, plan, 'submission'));
    const submitted = ok(await as(learner).get(`/api/development-plans/${plan.id}`));
    expect((await act(other.supervisor, submitted, 'endorsement')).status).toBe(404);
    expect((await act(medanAdmin, submitted, 'return', { comment: 'Bukan wilayah saya' })).status).toBe(404);

    const ids = async (who: GivenUser, url: string) => (ok(await as(who).get(url)).items as Plan[]).map((p) => p.id);
    expect(await ids(supervisor, '/api/development-plans/reviews')).toEqual([plan.id]);
    expect(await ids(other.supervisor, '/api/development-plans/reviews')).toEqual([]);
    expect(await ids(learner, '/api/development-plans')).toEqual([plan.id]);
    const tangselList = await ids(tangselAdmin, '/api/development-plans?pageSize=100');
    expect(tangselList).toContain(plan.id);
    expect(tangselList).not.toContain(medanPlan.id);
    expect(await ids(medanAdmin, '/api/development-plans?pageSize=100')).toEqual([medanPlan.id]);
    expect(await ids(tangselAdmin, '/api/development-plans?status=submitted&pageSize=100')).toContain(plan.id);
    expect(await ids(tangselAdmin, '/api/development-plans?status=closed&pageSize=100')).not.toContain(plan.id);
  });

  it('proposes goals from the gaps of the position, with the cheapest course that reaches each level', async () => {
    const org = t.get(OrganisationApi);
    const position = await org.ensurePosition({
      code: `JF-UJI-${Date.now()}`,
      name: 'Analis Pelayanan',
      kind: 'functional',
    });
    const set = await as(national).put(`/api/positions/${position.id}/requirements`, {
      requirements: [
        { competencyCode: 'M.05', requiredLevel: 3 },
        { competencyCode: 'M.01', requiredLevel: 1 },
      ],
    });
    expect(set.status).toBeLessThan(300);
    await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik Lanjutan',
      jp: 8,
      competencies: [{ code: 'M.05', level: 4 }],
    });
    // Cheaper, but archived: no longer in anyone's catalogue, so never proposed.
    const archived = await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik Kilat',
      jp: 1,
      competencies: [{ code: 'M.05', level: 3 }],
    });
    expect((await as(instructor).post(`/api/catalog/courses/${archived.courseId}/archive`)).status).toBe(204);
    const email = `posisi${Date.now()}@uji.bina.id`;
    const user = await t.get(IdentityApi).provisionAccount({
      name: 'Pegawai Berjabatan',
      role: 'learner',
      password: TEST_PASSWORD,
      email,
      nip: null,
      employeeType: 'PNS',
      unitId: tangselUnit,
      positionId: position.id,
    });
    const learner: GivenUser = {
      user,
      username: email,
      password: TEST_PASSWORD,
      auth: await t.bearer(email, TEST_PASSWORD),
    };
    const plan = ok(await as(learner).post('/api/development-plans/me', {}), 201);
    // M.01 needs level 1 and nothing shows it yet; M.05 needs 3.
    expect(plan.goals.map((g: Plan) => [g.competencyCode, g.baselineLevel, g.targetLevel])).toEqual(
      expect.arrayContaining([
        ['M.05', 0, 3],
        ['M.01', 0, 1],
      ]),
    );
    const suggested = plan.activities.filter((a: Plan) => a.kind === 'course').map((a: Plan) => a.title);
    expect(suggested).toContain('Pelayanan Publik Prima');
    expect(suggested).not.toContain('Pelayanan Publik Lanjutan');
    expect(suggested).not.toContain('Pelayanan Publik Kilat');
    expect(plan.events[0]).toMatchObject({ action: 'created' });
  });

  it('keeps next year’s approved plan waiting until its year begins, then starts it with the daily job', async () => {
    const { supervisor, learner } = await team();
    const year = new Date().getFullYear() + 1;
    let plan = ok(await as(learner).post('/api/development-plans/me', { year }), 201);
    expect(plan.year).toBe(year);
    plan = ok(await act(learner, plan, 'submission'));
    plan = ok(await act(supervisor, plan, 'endorsement'));
    plan = ok(await act(tangselAdmin, plan, 'approval'));
    expect(plan.status).toBe('approved');
    const farther = await as(learner).post('/api/development-plans/me', { year: year + 1 });
    expect([farther.status, farther.body.code]).toEqual([422, 'PLANS.YEAR_OUT_OF_RANGE']);

    const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date(Date.UTC(year, 0, 1, 1)));
    try {
      await t.get(PlanCalendarScheduler).enqueueToday();
      await t.drain();
      const started = ok(await as(learner).get(`/api/development-plans/${plan.id}`));
      expect(started.status).toBe('in_progress');
      expect(started.events.at(-1)).toMatchObject({ action: 'started', actorId: null });
    } finally {
      clock.mockRestore();
    }
  });

  it('closes the plans of a past year with a summary, once', async () => {
    const { supervisor, learner } = await team();
    let plan = await draftPlan(learner);
    plan = ok(await act(learner, plan, 'submission'));
    plan = ok(await act(supervisor, plan, 'endorsement'));
    plan = ok(await act(tangselAdmin, plan, 'approval'));
    const nextYear = new Date(Date.UTC(plan.year + 1, 0, 2));
    const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(nextYear);
    try {
      // The daily job, through the queue, as the worker's scheduler enqueues it.
      await t.get(PlanCalendarScheduler).enqueueToday();
      await t.drain();
      const closed = ok(await as(learner).get(`/api/development-plans/${plan.id}`));
      expect(closed).toMatchObject({ status: 'closed', actions: [] });
      expect(closed.summary).toMatch(
        /^Tujuan tercapai: 0 dari 1\. Kegiatan selesai: 0 dari 2\. JP diperoleh: 0 dari target 20/,
      );
      expect(closed.events.at(-1)).toMatchObject({ action: 'closed', actorId: null, toStatus: 'closed' });
      const again = await t.get(PlanCalendarService).run();
      expect(again.closed).toBe(0);
      const after = ok(await as(learner).get(`/api/development-plans/${plan.id}`));
      expect(after.events.filter((e: Plan) => e.action === 'closed')).toHaveLength(1);
    } finally {
      clock.mockRestore();
    }
  });
});
