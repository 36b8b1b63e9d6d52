import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  givenPrePostCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  inAttempt,
  SAMPLE_RIGHT,
  SAMPLE_WRONG,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { AssessmentApi } from '../../src/modules/assessment/assessment.api';
import { FollowUpSurvey } from '../../src/modules/development-plans/evaluation/entities';
import { FollowUpScheduler } from '../../src/modules/development-plans/evaluation/follow-up/follow-up.scheduler';
import { MonEvaluationLeaf, MonPlanLeaf } from '../../src/modules/monitoring/entities';
import { EvaluationLeaves } from '../../src/modules/monitoring/leaves/evaluation-leaves';
import { PlanLeaves } from '../../src/modules/monitoring/leaves/plan-leaves';
import { LeafRefresher } from '../../src/modules/monitoring/rollups/leaf-refresher';
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';

type Row = Record<string, string | number>;
const DAY = 86_400_000;
const EVALUATION_COUNTERS = ['l1_sum', 'l1_count', 'l2_gain_sum', 'l2_count', 'l3_applied', 'l3_answered'];

/**
 * Plan and evaluation rollups: plans through their workflow and Kirkpatrick L1/L2/L3 answers,
 * counted at the nation, province, kota and unit against the source tables (and, for L2, the
 * assessment module's own gain per learner); replaying the refreshes and a rebuild change nothing.
 */
describe(`monitoring: plans and evaluation results (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let units: { a: string; c: string };
  let instructor: GivenUser;
  let adminA: GivenUser;
  let courseId = '';
  const people: Array<{ who: GivenUser; unitId: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    units = { a: (await givenUnit(t, '36.74')).id, c: (await givenUnit(t, '12.71')).id };
    instructor = await givenUser(t, { role: 'instructor' });
    adminA = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: units.a });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    now = new Date('2026-03-02T03:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterEach(() => jest.restoreAllMocks());

  const ok = (res: { status: number; body: Record<string, unknown> }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const NODES = () => ['', '36', '36.74', '12', '12.71', units.a, units.c];
  /** Is a row of this unit (and region) below the node? */
  const below = (node: string, unitId: string | null, regionCode: string | null) =>
    node === '' ||
    node === unitId ||
    (!!regionCode && !node.includes('-') && (regionCode === node || regionCode.startsWith(`${node}.`)));

  async function team(unitId: string) {
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const learner = await givenUser(t, { unitId, supervisorId: supervisor.user.id });
    people.push({ who: learner, unitId });
    return { supervisor, learner };
  }
  async function plan(learner: GivenUser) {
    const p = ok(await asUser(t, learner).post('/api/development-plans/me', {}));
    return ok(
      await asUser(t, learner).post(`/api/development-plans/${p.id as string}/activities`, {
        version: p.version,
        kind: 'form',
        formCode: 'coaching',
        title: 'Coaching pelayanan publik',
        plannedJp: 20,
      }),
    );
  }
  const act = async (who: GivenUser, p: Record<string, unknown>, path: string) =>
    ok(await asUser(t, who).post(`/api/development-plans/${p.id as string}/${path}`, { version: p.version }));

  async function planRows(node: string): Promise<Row[]> {
    const rows: Row[] = await t.dataSource.query('SELECT year, status, plans FROM mon_plan_node WHERE node = ?', [
      node,
    ]);
    return sorted(
      rows
        .filter((r) => Number(r.plans) !== 0)
        .map((r) => ({ year: Number(r.year), status: String(r.status), plans: Number(r.plans) })),
    );
  }
  async function expectedPlanRows(node: string): Promise<Row[]> {
    const plans: Array<{ year: number; status: string; unit_id: string | null; region_code: string | null }> =
      await t.dataSource.query('SELECT year, status, unit_id, region_code FROM development_plan');
    const counts = new Map<string, Row>();
    for (const p of plans.filter((x) => below(node, x.unit_id, x.region_code))) {
      const id = `${p.year}|${p.status}`;
      const row = counts.get(id) ?? { year: Number(p.year), status: p.status, plans: 0 };
      row.plans = Number(row.plans) + 1;
      counts.set(id, row);
    }
    return sorted([...counts.values()]);
  }

  async function evaluationRows(node: string): Promise<Row[]> {
    const rows: Row[] = await t.dataSource.query(
      `SELECT year, ${EVALUATION_COUNTERS.join(', ')} FROM mon_evaluation_node WHERE node = ?`,
      [node],
    );
    return sorted(
      rows
        .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))
        .filter((r) => EVALUATION_COUNTERS.some((c) => r[c] !== 0)),
    );
  }
  /** L1 and L3 from the answers with the learner's unit today; L2 from the assessment module's gain per learner. */
  async function expectedEvaluationRows(node: string): Promise<Row[]> {
    const unitOf = new Map(people.map((p) => [p.who.user.id, p.unitId]));
    const regionOf = (unitId: string | undefined) =>
      unitId === units.a ? '36.74' : unitId === units.c ? '12.71' : null;
    const totals = { year: 2026, l1_sum: 0, l1_count: 0, l2_gain_sum: 0, l2_count: 0, l3_applied: 0, l3_answered: 0 };
    const l1: Array<{ user_id: string; m: number; d: number; u: number }> = await t.dataSource.query(
      'SELECT user_id, material AS m, delivery AS d, usefulness AS u FROM course_evaluation WHERE answered_at IS NOT NULL',
    );
    for (const r of l1.filter((x) => below(node, unitOf.get(x.user_id) ?? null, regionOf(unitOf.get(x.user_id))))) {
      totals.l1_sum += Math.round(((Number(r.m) + Number(r.d) + Number(r.u)) * 100) / 3);
      totals.l1_count++;
    }
    for (const g of await t.get(AssessmentApi).learningGains(courseId)) {
      if (g.gain === null || !below(node, unitOf.get(g.userId) ?? null, regionOf(unitOf.get(g.userId)))) continue;
      totals.l2_gain_sum += Math.round(g.gain * 100);
      totals.l2_count++;
    }
    const l3: Array<{ learner_id: string; applied: string }> = await t.dataSource.query(
      "SELECT learner_id, applied FROM follow_up_survey WHERE status = 'answered'",
    );
    for (const r of l3.filter((x) =>
      below(node, unitOf.get(x.learner_id) ?? null, regionOf(unitOf.get(x.learner_id))),
    )) {
      totals.l3_answered++;
      if (r.applied === 'yes' || r.applied === 'partly') totals.l3_applied++;
    }
    return EVALUATION_COUNTERS.some((c) => totals[c as keyof typeof totals] !== 0) ? [totals] : [];
  }

  function sorted(rows: Row[]): Row[] {
    return rows.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }

  async function snapshot(): Promise<string> {
    const out: unknown[] = [];
    for (const node of NODES()) out.push(await planRows(node), await evaluationRows(node));
    return JSON.stringify(out);
  }

  it('counts plans per year and status at every level as the plan table does, through submit, endorse and approve', async () => {
    const a1 = await team(units.a);
    const a2 = await team(units.a);
    const c1 = await team(units.c);
    const c2 = await team(units.c);
    let p = await plan(a1.learner);
    p = await act(a1.learner, p, 'submission');
    p = await act(a1.supervisor, p, 'endorsement');
    p = await act(adminA, p, 'approval');
    expect(p.status).toBe('in_progress');
    await act(a2.learner, await plan(a2.learner), 'submission');
    await plan(c1.learner);
    let q = await plan(c2.learner);
    q = await act(c2.learner, q, 'submission');
    q = await act(c2.supervisor, q, 'endorsement');
    expect(q.status).toBe('endorsed');
    await t.drain();

    for (const node of NODES())
      expect({ node, rows: await planRows(node) }).toEqual({ node, rows: await expectedPlanRows(node) });
    expect(await planRows('')).toEqual([
      { year: 2026, status: 'draft', plans: 1 },
      { year: 2026, status: 'endorsed', plans: 1 },
      { year: 2026, status: 'in_progress', plans: 1 },
      { year: 2026, status: 'submitted', plans: 1 },
    ]);
    expect(await planRows('36.74')).toEqual([
      { year: 2026, status: 'in_progress', plans: 1 },
      { year: 2026, status: 'submitted', plans: 1 },
    ]);
  });

  it('sums L1 scores, L2 gains and L3 application per unit and year, as the answers and the assessment module say', async () => {
    const course = await givenPrePostCourse(t, instructor.auth);
    courseId = course.courseId;
    const learners: Array<{ learner: GivenUser; supervisor: GivenUser }> = [];
    for (const [unitId, pre] of [
      [units.a, SAMPLE_WRONG],
      [units.a, SAMPLE_RIGHT],
      [units.c, SAMPLE_WRONG],
    ] as const) {
      const pair = await team(unitId);
      learners.push(pair);
      const as = asUser(t, pair.learner);
      ok(await as.post(`/api/learning/courses/${course.courseId}/enrolment`));
      const preAttempt = ok(await as.post(`/api/assessment/quizzes/${course.pre}/attempts`));
      ok(
        await as.post(`/api/assessment/attempts/${preAttempt.id as string}/submit`, {
          responses: inAttempt(preAttempt, pre),
        }),
      );
      await t.drain();
      ok(await as.post(`/api/learning/courses/${course.courseId}/lessons/${course.textLesson}/completion`));
      const postAttempt = ok(await as.post(`/api/assessment/quizzes/${course.post}/attempts`));
      ok(
        await as.post(`/api/assessment/attempts/${postAttempt.id as string}/submit`, {
          responses: inAttempt(postAttempt, SAMPLE_RIGHT),
        }),
      );
      await t.drain();
    }
    // L1: two of the three answer (5+4+4 → 4.33 and 3+3+2 → 2.67).
    const scores = [
      [5, 4, 4],
      [3, 3, 2],
    ];
    for (const [i, [material, delivery, usefulness]] of scores.entries()) {
      const pending = ok(await asUser(t, learners[i * 2].learner).get('/api/evaluation/me/pending'));
      const id = (pending.courses as Array<{ id: string }>)[0].id;
      const res = await asUser(t, learners[i * 2].learner).post(`/api/evaluation/course-evaluations/${id}/answer`, {
        material,
        delivery,
        usefulness,
      });
      expect(res.status).toBe(204);
    }
    // L3: 90 days later the follow-ups go out; A's learner applied it, A's supervisor says partly, C's learner not yet.
    const completedAt = now;
    now = new Date(completedAt.getTime() + 91 * DAY);
    await t.get(FollowUpScheduler).enqueueToday();
    await t.drain();
    const surveys = await t.dataSource.getRepository(FollowUpSurvey).find();
    const answer = async (who: GivenUser, learner: GivenUser, role: string, body: object) => {
      const s = surveys.find((x) => x.learnerId === learner.user.id && x.role === role)!;
      expect((await asUser(t, who).post(`/api/evaluation/follow-ups/${s.id}/answer`, body)).status).toBe(204);
    };
    await answer(learners[0].learner, learners[0].learner, 'learner', { applied: 'yes', examples: 'Register risiko.' });
    await answer(learners[0].supervisor, learners[0].learner, 'supervisor', {
      applied: 'partly',
      examples: 'Sebagian.',
    });
    await answer(learners[2].learner, learners[2].learner, 'learner', { applied: 'not_yet' });
    await t.drain();

    for (const node of NODES())
      expect({ node, rows: await evaluationRows(node) }).toEqual({ node, rows: await expectedEvaluationRows(node) });
    // By hand: the nation has L1 433 + 267, gains 100 + 0 + 100 points, 2 of 3 follow-ups applied.
    expect(await evaluationRows('')).toEqual([
      { year: 2026, l1_sum: 700, l1_count: 2, l2_gain_sum: 20_000, l2_count: 3, l3_applied: 2, l3_answered: 3 },
    ]);
    expect(await evaluationRows(units.c)).toEqual([
      { year: 2026, l1_sum: 267, l1_count: 1, l2_gain_sum: 10_000, l2_count: 1, l3_applied: 0, l3_answered: 1 },
    ]);
  });

  it('changes nothing when every refresh is replayed, nor when everything is rebuilt from the sources', async () => {
    const before = await snapshot();
    for (const { planId } of await t.dataSource.getRepository(MonPlanLeaf).find())
      await t.get(LeafRefresher).refresh(t.get(PlanLeaves), { planId });
    for (const { unitKey, year } of await t.dataSource.getRepository(MonEvaluationLeaf).find())
      await t.get(LeafRefresher).refresh(t.get(EvaluationLeaves), { unitKey, year });
    expect(await snapshot()).toBe(before);
    await t.get(RollupRebuilder).run(null);
    expect(await snapshot()).toBe(before);
  });
});
