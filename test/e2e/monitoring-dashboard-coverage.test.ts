import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  givenPrePostCourse,
  givenPublishedCourse,
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
import { FollowUpSurvey } from '../../src/modules/development-plans/evaluation/entities';
import { FollowUpScheduler } from '../../src/modules/development-plans/evaluation/follow-up/follow-up.scheduler';
import { givenEvidence, givenPosition } from './needs-analysis.fixtures';
import { nodesOf } from './monitoring-people.fixtures';

type Body = Record<string, unknown>;
type Child = Body & { child: { node: string; kind: string } };
const DAY = 86_400_000;
const YEAR = 2026;
const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'endorsed', 'approved', 'in_progress', 'closed'];

/**
 * The competency coverage, plan and evaluation sections and the overview headline of the
 * monitoring dashboards, through real flows (job standards, courses with competencies,
 * external credits, plans through their workflow, pre/post tests, L1 questionnaires and L3
 * follow-ups): every number of the nation, a province, a kota and a unit, and of each child
 * row, equals an independent count over the source tables, for a national, a Banten and a
 * Kota Tangerang Selatan admin; a Medan admin gets 404 for the Tangerang Selatan nodes.
 * People are placed by their account (user_account.region_code / unit_id), not by the
 * region and unit copied onto the rows the rollups read.
 */
describe(`monitoring dashboards: coverage, plans, evaluation, overview (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let units: { a1: string; a2: string; b: string; c: string };
  let national: GivenUser;
  let banten: GivenUser;
  let tangsel: GivenUser;
  let medan: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    units = {
      a1: (await givenUnit(t, '36.74')).id,
      a2: (await givenUnit(t, '36.74')).id,
      b: (await givenUnit(t, '36')).id,
      c: (await givenUnit(t, '12.71')).id,
    };
    national = await givenUser(t, { role: 'national_admin' });
    banten = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId: units.b });
    tangsel = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: units.a1 });
    medan = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: units.c });
    // The admins' own refresh jobs run before the clock moves back to March: their outbox rows
    // are due from today, so a row the relay had not yet taken stayed "in the future" for the
    // rest of the file, and that admin had no JP leaf (a failure now and then, by timing).
    await t.drain();
    now = new Date('2026-03-02T03:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    await realFlows();
  }, 240_000); // a few dozen API flows through the queue; a loaded MariaDB + Redis run is several times slower
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const ok = (res: { status: number; body: Body }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Standards, evidence, plans and Kirkpatrick answers in four units of two provinces. */
  async function realFlows() {
    const instructor = await givenUser(t, { role: 'instructor', unitId: units.a1 });
    const analyst = await givenPosition(t, { 'M.05': 2, 'M.08': 3 });
    const clerk = await givenPosition(t, { 'M.05': 3, 'M.01': 1 });
    const sup = {
      a1: await givenUser(t, { role: 'supervisor', unitId: units.a1 }),
      a2: await givenUser(t, { role: 'supervisor', unitId: units.a2 }),
      b: await givenUser(t, { role: 'supervisor', unitId: units.b }),
      c: await givenUser(t, { role: 'supervisor', unitId: units.c }),
    };
    const asn = (unit: keyof typeof units, positionId?: string) =>
      givenUser(t, { unitId: units[unit], supervisorId: sup[unit].user.id, positionId });
    const p = { a1x: await asn('a1', analyst), a1y: await asn('a1', analyst), a1z: await asn('a1', clerk) };
    const q = { a2x: await asn('a2', analyst), a2y: await asn('a2') };
    const r = { bx: await asn('b', clerk), by: await asn('b', analyst) };
    const s = { cx: await asn('c', analyst), cy: await asn('c', clerk) };
    // Leaves unit A2 for Medan at the end (no plan, enrolment or answer: those keep the place they were written with).
    const mover = await asn('a2', analyst);

    // Evidence: completed courses (M.05 at 3, M.08 at 2: below the analyst's 3) and external credits.
    const m05 = await givenPublishedCourse(t, instructor.auth, { competencies: [{ code: 'M.05', level: 3 }] });
    const m08 = await givenPublishedCourse(t, instructor.auth, { competencies: [{ code: 'M.08', level: 2 }] });
    const complete = async (who: GivenUser, course: { courseId: string; lessonIds: string[] }) => {
      ok(await asUser(t, who).post(`/api/learning/courses/${course.courseId}/enrolment`));
      for (const id of course.lessonIds)
        ok(await asUser(t, who).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`));
    };
    for (const who of [p.a1x, p.a1z, r.bx]) await complete(who, m05);
    for (const who of [p.a1x, q.a2x]) await complete(who, m08);
    await givenEvidence(t, q.a2x.user.id, { 'M.08': 3 });
    await givenEvidence(t, s.cx.user.id, { 'M.05': 1 });
    await givenEvidence(t, s.cy.user.id, { 'M.01': 1, 'M.05': 3 });
    await givenEvidence(t, mover.user.id, { 'M.05': 2 });
    await t.drain();

    // L2: a course with a pre-test and a post-test (and M.01 at 2 for those who complete it).
    const course = await givenPrePostCourse(t, instructor.auth, { competencies: [{ code: 'M.01', level: 2 }] });
    for (const [who, pre, post] of [
      [p.a1y, SAMPLE_WRONG, SAMPLE_RIGHT],
      [q.a2x, SAMPLE_RIGHT, SAMPLE_RIGHT],
      [r.by, SAMPLE_WRONG, SAMPLE_RIGHT],
      [s.cx, SAMPLE_WRONG, SAMPLE_WRONG],
    ] as const) {
      const as = asUser(t, who);
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
          responses: inAttempt(postAttempt, post),
        }),
      );
      await t.drain();
    }

    // L1: four questionnaires answered (one of them about the M.05 course), the others left open.
    const answerL1 = async (who: GivenUser, courseId: string, scores: [number, number, number]) => {
      const [row]: Array<{ id: string }> = await t.dataSource.query(
        'SELECT id FROM course_evaluation WHERE user_id = ? AND course_id = ?',
        [who.user.id, courseId],
      );
      if (!row) throw new Error(`no L1 questionnaire for ${who.username} on ${courseId}`);
      const [material, delivery, usefulness] = scores;
      const res = await asUser(t, who).post(`/api/evaluation/course-evaluations/${row.id}/answer`, {
        material,
        delivery,
        usefulness,
      });
      expect(res.status).toBe(204);
    };
    await answerL1(p.a1y, course.courseId, [5, 4, 4]);
    await answerL1(q.a2x, course.courseId, [3, 3, 2]);
    await answerL1(r.by, course.courseId, [4, 4, 5]);
    await answerL1(p.a1x, m05.courseId, [2, 3, 3]);

    // Plans of every status: in progress, submitted, returned, draft, endorsed, closed.
    const plan = async (who: GivenUser) => {
      const created = ok(await asUser(t, who).post('/api/development-plans/me', {}));
      return ok(
        await asUser(t, who).post(`/api/development-plans/${created.id as string}/activities`, {
          version: created.version,
          kind: 'form',
          formCode: 'coaching',
          title: 'Coaching pelayanan publik',
          plannedJp: 20,
        }),
      );
    };
    const act = async (who: GivenUser, pl: Body, path: string, comment?: string) =>
      ok(
        await asUser(t, who).post(`/api/development-plans/${pl.id as string}/${path}`, {
          version: pl.version,
          comment,
        }),
      );
    const through = async (owner: GivenUser, steps: Array<[GivenUser, string, string?]>) => {
      let pl = await plan(owner);
      for (const [who, path, comment] of steps) pl = await act(who, pl, path, comment);
      return pl;
    };
    await through(p.a1x, [
      [p.a1x, 'submission'],
      [sup.a1, 'endorsement'],
      [tangsel, 'approval'],
    ]);
    await through(p.a1y, [[p.a1y, 'submission']]);
    await through(q.a2x, [
      [q.a2x, 'submission'],
      [sup.a2, 'return', 'Tambahkan kegiatan untuk M.08.'],
    ]);
    await through(q.a2y, []);
    await through(r.bx, [
      [r.bx, 'submission'],
      [sup.b, 'endorsement'],
    ]);
    await through(r.by, [
      [r.by, 'submission'],
      [sup.b, 'endorsement'],
      [banten, 'approval'],
    ]);
    const closed = await through(s.cx, [
      [s.cx, 'submission'],
      [sup.c, 'endorsement'],
      [medan, 'approval'],
      [medan, 'closure'],
    ]);
    expect(closed.status).toBe('closed');
    await through(s.cy, []);
    await t.drain();

    // L3: 91 days after completion the follow-ups go out; learners and supervisors answer some.
    now = new Date(now.getTime() + 91 * DAY);
    await t.get(FollowUpScheduler).enqueueToday();
    await t.drain();
    const surveys = await t.dataSource.getRepository(FollowUpSurvey).find();
    const answerL3 = async (who: GivenUser, learner: GivenUser, courseId: string, applied: string) => {
      const role = who === learner ? 'learner' : 'supervisor';
      const survey = surveys.find((x) => x.learnerId === learner.user.id && x.role === role && x.courseId === courseId);
      if (!survey) throw new Error(`no ${role} follow-up for ${learner.username} on ${courseId}`);
      const body = applied === 'not_yet' ? { applied } : { applied, examples: 'Dipakai dalam pekerjaan.' };
      expect((await asUser(t, who).post(`/api/evaluation/follow-ups/${survey.id}/answer`, body)).status).toBe(204);
    };
    await answerL3(p.a1y, p.a1y, course.courseId, 'yes');
    await answerL3(sup.a1, p.a1y, course.courseId, 'partly');
    await answerL3(q.a2x, q.a2x, course.courseId, 'not_yet');
    await answerL3(r.by, r.by, course.courseId, 'yes');
    await answerL3(p.a1x, p.a1x, m05.courseId, 'not_yet');
    await answerL3(sup.b, r.bx, m05.courseId, 'yes');
    await t.drain();

    // Someone moves out of unit A2 (which then holds nobody with a standard) and someone leaves the service.
    const patch = async (id: string, body: object) =>
      ok(await t.http().patch(`/api/users/${id}`).set('authorization', national.auth).send(body));
    await patch(mover.user.id, { unitId: units.c });
    await patch(p.a1z.user.id, { active: false });
    await t.drain();
  }

  // ---------------------------------------------------------------------------------------
  // The independent counts: source tables, people placed by their account.

  const isUnit = (node: string) => node.includes('-');
  /** SQL condition and parameters: the person (alias u of user_account) is below the node. */
  function below(node: string, u = 'u'): [string, unknown[]] {
    if (node === '') return ['1 = 1', []];
    if (isUnit(node)) return [`${u}.unit_id = ?`, [node]];
    return [`(${u}.region_code = ? OR ${u}.region_code LIKE ?)`, [node, `${node}.%`]];
  }
  const n = (v: unknown) => Number(v ?? 0);
  const shareOf = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

  /** The child nodes of `node` that hold at least one of these people (account region and unit). */
  async function childrenOf(node: string, fromWhere: string, params: unknown[]): Promise<string[]> {
    const [cond, p] = below(node);
    const rows: Array<{ region_code: string | null; unit_id: string | null }> = await t.dataSource.query(
      `SELECT DISTINCT u.region_code AS region_code, u.unit_id AS unit_id ${fromWhere} AND ${cond}`,
      [...params, ...p],
    );
    const out = new Set<string>();
    for (const r of rows) {
      const path = nodesOf(r.region_code, r.unit_id);
      const child = path[path.indexOf(node) + 1];
      if (child !== undefined) out.add(child);
    }
    return [...out].sort();
  }

  const COVERAGE_FROM =
    'FROM user_account u JOIN position_competency pc ON pc.position_id = u.position_id WHERE u.employee_type IS NOT NULL AND u.active = ?';

  /** Per competency: ASN whose position requires it, and those whose best evidence reaches the level. */
  async function expectedCoverage(node: string, code?: string) {
    const [cond, params] = below(node);
    const rows: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT pc.competency_code AS code, COUNT(*) AS required,
              SUM(CASE WHEN COALESCE((SELECT MAX(e.level) FROM competency_evidence e
                                       WHERE e.user_id = u.id AND e.competency_code = pc.competency_code), 0)
                            >= pc.required_level THEN 1 ELSE 0 END) AS met
         ${COVERAGE_FROM} AND ${cond}${code ? ' AND pc.competency_code = ?' : ''}
        GROUP BY pc.competency_code ORDER BY pc.competency_code`,
      [true, ...params, ...(code ? [code] : [])],
    );
    return rows.map((r) => ({
      code: String(r.code),
      required: n(r.required),
      met: n(r.met),
      notMet: n(r.required) - n(r.met),
      share: shareOf(n(r.met), n(r.required)),
    }));
  }
  const coverageCell = (c: Body) => ({ required: c.required, met: c.met, notMet: c.notMet, share: c.share });

  const PLANS_FROM = 'FROM development_plan p JOIN user_account u ON u.id = p.user_id WHERE p.year = ?';

  async function expectedPlans(node: string) {
    const [cond, params] = below(node);
    const rows: Array<{ status: string; plans: unknown }> = await t.dataSource.query(
      `SELECT p.status AS status, COUNT(*) AS plans ${PLANS_FROM} AND ${cond} GROUP BY p.status`,
      [YEAR, ...params],
    );
    const by = new Map(rows.map((r) => [r.status, n(r.plans)]));
    return {
      total: rows.reduce((s, r) => s + n(r.plans), 0),
      statuses: PLAN_STATUSES.map((status) => ({ status, plans: by.get(status) ?? 0 })),
    };
  }

  /** L1 over answered questionnaires, L2 over learning_gain, L3 over answered follow-ups, by the learner's account. */
  async function expectedEvaluation(node: string) {
    const [cond, params] = below(node);
    const [l1]: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT SUM(e.material + e.delivery + e.usefulness) AS points, COUNT(*) AS answers
         FROM course_evaluation e JOIN user_account u ON u.id = e.user_id
        WHERE e.answered_at IS NOT NULL AND ${cond}`,
      params,
    );
    const [l2]: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT SUM(g.post_hundredths - g.pre_hundredths) AS gain, COUNT(*) AS learners
         FROM learning_gain g JOIN user_account u ON u.id = g.user_id WHERE ${cond}`,
      params,
    );
    const [l3]: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT SUM(CASE WHEN f.applied IN ('yes', 'partly') THEN 1 ELSE 0 END) AS applied, COUNT(*) AS answered
         FROM follow_up_survey f JOIN user_account u ON u.id = f.learner_id
        WHERE f.status = 'answered' AND ${cond}`,
      params,
    );
    const answers = n(l1?.answers);
    const learners = n(l2?.learners);
    return {
      // The mean of each questionnaire's mean of three items (1-5), two decimals.
      l1Average: answers ? Math.round((n(l1.points) * 100) / 3 / answers) / 100 : null,
      l1Count: answers,
      // Post-test minus pre-test grade in percentage points, two decimals.
      l2AverageGain: learners ? Math.round(n(l2.gain) / learners) / 100 : null,
      l2Count: learners,
      l3Applied: n(l3?.applied),
      l3Answered: n(l3?.answered),
      l3AppliedShare: shareOf(n(l3?.applied), n(l3?.answered)),
    };
  }

  /** JP of the year: active ASN below a node and their ledger sums (PNS target: 20 JP). */
  async function expectedJp(node: string) {
    const [cond, params] = below(node);
    const rows: Array<{ tenths: unknown }> = await t.dataSource.query(
      `SELECT (SELECT SUM(l.jp_tenths) FROM jp_ledger_entry l WHERE l.user_id = u.id AND l.year = ?) AS tenths
         FROM user_account u WHERE u.employee_type IS NOT NULL AND u.active = ? AND ${cond}`,
      [YEAR, true, ...params],
    );
    const tenths = rows.map((r) => n(r.tenths));
    const whole = tenths.map((x) => Math.floor(x / 10));
    const people = rows.length;
    const met = tenths.filter((x) => x >= 200).length;
    const sum = tenths.reduce((a, b) => a + b, 0);
    return {
      people,
      jp0: whole.filter((w) => w === 0).length,
      jp1to9: whole.filter((w) => w >= 1 && w <= 9).length,
      jp10to19: whole.filter((w) => w >= 10 && w <= 19).length,
      jp20plus: whole.filter((w) => w >= 20).length,
      metTarget: met,
      jpTenths: sum,
      notMet: people - met,
      metShare: shareOf(met, people),
      averageJp: people ? Math.round(sum / people) / 10 : null,
    };
  }
  const jpOf = (f: Body) =>
    Object.fromEntries(
      [
        'people',
        'jp0',
        'jp1to9',
        'jp10to19',
        'jp20plus',
        'metTarget',
        'jpTenths',
        'notMet',
        'metShare',
        'averageJp',
      ].map((k) => [k, f[k]]),
    );

  /** Enrolments of every course, by the learner's account; overdue = active past a deadline before today (WIB). */
  async function expectedCompletion(node: string) {
    const [cond, params] = below(node);
    const rows: Array<{ status: string; deadline: string | Date | null }> = await t.dataSource.query(
      `SELECT e.status AS status, e.deadline AS deadline FROM enrolment e JOIN user_account u ON u.id = e.user_id
        WHERE ${cond}`,
      params,
    );
    const todayStart = new Date(`${wibToday()}T00:00:00+07:00`).getTime();
    const due = (d: string | Date | null) =>
      d !== null && (d instanceof Date ? d : new Date(`${String(d).replace(' ', 'T')}Z`)).getTime() < todayStart;
    const active = rows.filter((r) => r.status === 'active');
    const completed = rows.filter((r) => r.status === 'completed').length;
    const overdue = active.filter((r) => due(r.deadline)).length;
    return {
      requested: rows.filter((r) => r.status === 'requested').length,
      active: active.length,
      completed,
      enrolled: active.length + completed,
      inProgress: active.length - overdue,
      overdue,
      completedShare: shareOf(completed, active.length + completed),
    };
  }
  const wibToday = () => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

  const SCOPES = () =>
    [
      { who: national, nodes: ['', '36', '36.74', '12', '12.71', units.a1, units.a2, units.b, units.c] },
      { who: banten, nodes: ['36', '36.74', units.a1, units.a2, units.b] },
      { who: tangsel, nodes: ['36.74', units.a1, units.a2] },
    ] as const;
  const get = async (who: GivenUser, section: string, node: string, extra = '') =>
    ok(await asUser(t, who).get(`/api/monitoring/${section}?node=${encodeURIComponent(node)}${extra}`));

  it('counts per competency and in every heatmap cell the ASN required and meeting their standard, per scope', async () => {
    for (const { who, nodes } of SCOPES()) {
      for (const node of nodes) {
        const body = await get(who, 'competencies', node);
        const expected = await expectedCoverage(node);
        const competencies = body.competencies as Body[];
        expect({ node, competencies: competencies.map((c) => ({ code: c.code, ...coverageCell(c) })) }).toEqual({
          node,
          competencies: expected,
        });
        const required = expected.reduce((s, c) => s + c.required, 0);
        const met = expected.reduce((s, c) => s + c.met, 0);
        expect({ node, totals: body.totals }).toEqual({
          node,
          totals: { required, met, notMet: required - met, share: shareOf(met, required) },
        });
        // The heatmap: one row per child holding someone with a standard, one cell per competency it has.
        const heatmap = body.heatmap as { columns: string[]; rows: Array<Child & { cells: Record<string, Body> }> };
        expect(heatmap.columns).toEqual(expected.map((c) => c.code));
        const children = await childrenOf(node, COVERAGE_FROM, [true]);
        expect({ node, rows: heatmap.rows.map((r) => r.child.node).sort() }).toEqual({ node, rows: children });
        for (const row of heatmap.rows) {
          const cells = Object.fromEntries(Object.entries(row.cells).map(([code, c]) => [code, coverageCell(c)]));
          const want = Object.fromEntries((await expectedCoverage(row.child.node)).map(({ code, ...c }) => [code, c]));
          expect({ node, child: row.child.node, cells }).toEqual({ node, child: row.child.node, cells: want });
        }
        // Filtered on one competency: that column only.
        const one = await get(who, 'competencies', node, '&competencyCode=M.05');
        expect({
          node,
          competencies: (one.competencies as Body[]).map((c) => ({ code: c.code, ...coverageCell(c) })),
        }).toEqual({ node, competencies: await expectedCoverage(node, 'M.05') });
      }
    }
    // Something real was counted: unit A1 has both a met and an unmet requirement.
    const a1 = await expectedCoverage(units.a1);
    expect(a1.some((c) => c.met > 0) && a1.some((c) => c.notMet > 0)).toBe(true);
  });

  it('counts plans per status for every node and child as the plan table does, per scope', async () => {
    for (const { who, nodes } of SCOPES()) {
      for (const node of nodes) {
        const body = await get(who, 'plans', node, `&year=${YEAR}`);
        expect({ node, plans: body.plans }).toEqual({ node, plans: await expectedPlans(node) });
        const children = body.children as Array<Child & { total: number; statuses: unknown }>;
        const withPlans = await childrenOf(node, PLANS_FROM, [YEAR]);
        expect({
          node,
          children: children
            .filter((c) => c.total > 0)
            .map((c) => c.child.node)
            .sort(),
        }).toEqual({ node, children: withPlans });
        for (const c of children) {
          expect({ node, child: c.child.node, plans: { total: c.total, statuses: c.statuses } }).toEqual({
            node,
            child: c.child.node,
            plans: await expectedPlans(c.child.node),
          });
        }
      }
    }
    // Every status but 'approved' (approval starts the plan) occurs somewhere.
    const nation = await expectedPlans('');
    expect(nation.statuses.filter((s) => s.plans > 0).map((s) => s.status)).toEqual(
      PLAN_STATUSES.filter((s) => s !== 'approved'),
    );
  });

  it('reports the L1 average, the L2 average gain and the L3 applied share as the answers and gains say, per scope', async () => {
    for (const { who, nodes } of SCOPES()) {
      for (const node of nodes) {
        const body = await get(who, 'plans', node, `&year=${YEAR}`);
        expect({ node, evaluation: body.evaluation }).toEqual({ node, evaluation: await expectedEvaluation(node) });
      }
    }
    // By hand, the nation: L1 (13 + 8 + 13 + 8) / 3 / 4 = 3.5; L2 gains 100, 0, 100 and 0 points; L3 4 of 6 applied.
    expect(await expectedEvaluation('')).toEqual({
      l1Average: 3.5,
      l1Count: 4,
      l2AverageGain: 50,
      l2Count: 4,
      l3Applied: 4,
      l3Answered: 6,
      l3AppliedShare: 66.7,
    });
  });

  it("gives the overview's headline numbers and each child's JP as the source tables count them, per scope", async () => {
    for (const { who, nodes } of SCOPES()) {
      for (const node of nodes) {
        const body = await get(who, 'overview', node, `&year=${YEAR}`);
        const coverage = await expectedCoverage(node);
        const required = coverage.reduce((s, c) => s + c.required, 0);
        const met = coverage.reduce((s, c) => s + c.met, 0);
        expect({
          node,
          jp: jpOf(body.jp as Body),
          completion: body.completion,
          competency: body.competency,
          plans: body.plans,
          evaluation: body.evaluation,
        }).toEqual({
          node,
          jp: await expectedJp(node),
          completion: await expectedCompletion(node),
          competency: { required, met, share: shareOf(met, required), competencies: coverage.length },
          plans: await expectedPlans(node),
          evaluation: await expectedEvaluation(node),
        });
        const children = body.children as Array<{ child: { node: string }; jp: Body }>;
        const withPeople = await childrenOf(
          node,
          'FROM user_account u WHERE u.employee_type IS NOT NULL AND u.active = ?',
          [true],
        );
        expect({ node, children: children.map((c) => c.child.node).sort() }).toEqual({ node, children: withPeople });
        for (const c of children) {
          expect({ node, child: c.child.node, jp: jpOf(c.jp) }).toEqual({
            node,
            child: c.child.node,
            jp: await expectedJp(c.child.node),
          });
        }
      }
    }
  });

  it('answers a Medan admin 404 for the Tangerang Selatan nodes in every section', async () => {
    for (const node of ['36.74', units.a1, units.a2, '36', '']) {
      for (const section of ['overview', 'jp', 'completion', 'competencies', 'plans']) {
        const res = await asUser(t, medan).get(`/api/monitoring/${section}?node=${encodeURIComponent(node)}`);
        expect({ node, section, status: res.status }).toEqual({ node, section, status: 404 });
      }
    }
    // Their own kota answers, and holds only Medan's numbers.
    const own = await get(medan, 'competencies', '12.71');
    expect((own.competencies as Body[]).map((c) => ({ code: c.code, ...coverageCell(c) }))).toEqual(
      await expectedCoverage('12.71'),
    );
  });
  it('shows every section the same after a rebuild from the sources as the increments built it', async () => {
    const snapshot = async () => {
      const out: Body[] = [];
      for (const node of SCOPES()[0].nodes)
        for (const section of ['overview', 'jp', 'completion', 'competencies', 'plans']) {
          const year = ['overview', 'jp', 'plans'].includes(section) ? `&year=${YEAR}` : '';
          const body = await get(national, section, node, year);
          delete body.rebuiltAt;
          out.push({ node, section, body });
        }
      return out;
    };
    const before = await snapshot();
    const started = await asUser(t, national).post('/api/monitoring/rebuilds');
    expect(started.status).toBe(202);
    await t.drain();
    expect(ok(await asUser(t, national).get(`/api/monitoring/rebuilds/${started.body.id as string}`)).status).toBe(
      'done',
    );
    const after = await snapshot();
    for (const [i, b] of before.entries()) expect(after[i]).toEqual(b);
  });
});
