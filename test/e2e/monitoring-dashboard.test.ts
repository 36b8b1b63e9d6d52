import { isMysqlFamily } from '../../libs/database';
import { Clock, newId } from '../../libs/common';
import {
  asUser,
  browserAgent,
  BrowserAgent,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { MonRebuild } from '../../src/modules/monitoring/entities';

type Body = Record<string, unknown>;
type Figures = { enrolled: number; inProgress: number; completed: number; overdue: number; requested: number };
const WIB_TODAY = '2026-05-02';

/**
 * The monitoring dashboards through real flows: learners enrol, complete and miss deadlines
 * through the API, the queue runs, and every dashboard number for the nation, a province
 * admin and a kota admin equals an independent count over the source tables. Pages render
 * the same numbers with links to the people behind them; outside a scope is a 404.
 */
describe(`monitoring dashboards (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let units: { a: string; b: string; c: string };
  let national: GivenUser;
  let banten: GivenUser;
  let tangsel: GivenUser;
  let medan: GivenUser;
  let learner: GivenUser;
  const courseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    units = {
      a: (await givenUnit(t, '36.74')).id,
      b: (await givenUnit(t, '36')).id,
      c: (await givenUnit(t, '12.71')).id,
    };
    national = await givenUser(t, { role: 'national_admin' });
    banten = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId: units.b });
    tangsel = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: units.a });
    medan = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: units.c });
    learner = await givenUser(t, { unitId: units.a });
    now = new Date('2026-03-02T03:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    await realFlows();
  }, 240_000); // the setup drives a dozen flows through the queue; on a loaded MariaDB + Redis run it took over 60 s
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const ok = (res: { status: number; body: Body }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Enrolments, completions, requests and assignments with deadlines, then past the first deadline. */
  async function realFlows() {
    const instructor = await givenUser(t, { role: 'instructor', unitId: units.a });
    const selfCourse = await givenPublishedCourse(t, instructor.auth, { title: 'Etika ASN' });
    const approval = await givenPublishedCourse(t, instructor.auth, {
      title: 'Manajemen ASN',
      enrolmentMode: 'approval',
    });
    const assigned = await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik',
      enrolmentMode: 'assigned',
    });
    courseIds.push(selfCourse.courseId, approval.courseId, assigned.courseId);
    const enrol = async (who: GivenUser, courseId: string) =>
      ok(await asUser(t, who).post(`/api/learning/courses/${courseId}/enrolment`));
    const complete = async (who: GivenUser, course: { courseId: string; lessonIds: string[] }) => {
      for (const id of course.lessonIds)
        ok(await asUser(t, who).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`));
    };
    const inA = [learner, ...(await Promise.all([1, 2].map(() => givenUser(t, { unitId: units.a }))))];
    const inB = await Promise.all([1, 2].map(() => givenUser(t, { unitId: units.b })));
    const inC = await Promise.all([1, 2].map(() => givenUser(t, { unitId: units.c })));
    for (const who of [...inA, inB[0], inC[0]]) await enrol(who, selfCourse.courseId);
    await complete(inA[0], selfCourse);
    await complete(inC[0], selfCourse);
    const request = (await enrol(inA[1], approval.courseId)) as { id: string };
    await enrol(inB[1], approval.courseId);
    ok(await asUser(t, national).post(`/api/learning/enrolment-requests/${request.id}/approval`));
    ok(
      await asUser(t, national).post('/api/learning/assignments', {
        courseId: assigned.courseId,
        filter: { unitId: units.a },
        deadline: '2026-04-30',
      }),
    );
    // The first assignment to reach a person sets their deadline: unit A's must run before the
    // province's, or its people get the later deadline and none is overdue (two jobs on BullMQ
    // run in either order).
    await t.drain();
    ok(
      await asUser(t, national).post('/api/learning/assignments', {
        courseId: assigned.courseId,
        filter: { regionCode: '36' },
        deadline: '2026-05-15',
      }),
    );
    await t.drain();
    await complete(inA[2], assigned);
    // Twenty JP in one course: at the yearly target.
    const long = await givenPublishedCourse(t, instructor.auth, { title: 'Latsar', jp: 20 });
    courseIds.push(long.courseId);
    await enrol(inA[1], long.courseId);
    await complete(inA[1], long);
    await t.drain();
    now = new Date(`${WIB_TODAY}T03:00:00Z`);
    await t.drain();
  }

  /** The independent count: enrolments of our courses below a node, from the enrolment table. */
  async function expectedCompletion(node: string, courseId?: string): Promise<Figures> {
    const place =
      node === '' ? '1 = 1' : node.includes('-') ? 'e.unit_id = ?' : '(u.region_code = ? OR u.region_code LIKE ?)';
    const params = node === '' ? [] : node.includes('-') ? [node] : [node, `${node}.%`];
    const ids = courseId ? [courseId] : courseIds;
    const rows: Array<{ status: string; deadline: string | Date | null }> = await t.dataSource.query(
      `SELECT e.status AS status, e.deadline AS deadline FROM enrolment e LEFT JOIN unit u ON u.id = e.unit_id
        WHERE e.course_id IN (${ids.map(() => '?').join(', ')}) AND ${place}`,
      [...ids, ...params],
    );
    const todayStart = new Date(`${WIB_TODAY}T00:00:00+07:00`).getTime();
    const due = (d: string | Date | null) =>
      d !== null && (d instanceof Date ? d : new Date(`${String(d).replace(' ', 'T')}Z`)).getTime() < todayStart;
    const active = rows.filter((r) => r.status === 'active');
    const overdue = active.filter((r) => due(r.deadline)).length;
    const completed = rows.filter((r) => r.status === 'completed').length;
    return {
      enrolled: active.length + completed,
      inProgress: active.length - overdue,
      completed,
      overdue,
      requested: rows.filter((r) => r.status === 'requested').length,
    };
  }
  const figuresOf = (f: Body): Figures => ({
    enrolled: f.enrolled as number,
    inProgress: f.inProgress as number,
    completed: f.completed as number,
    overdue: f.overdue as number,
    requested: f.requested as number,
  });

  /** The independent JP count of 2026: active ASN below a node and their ledger sums (PNS target: 20 JP). */
  async function expectedJp(node: string) {
    const place =
      node === '' ? '1 = 1' : node.includes('-') ? 'u.unit_id = ?' : '(u.region_code = ? OR u.region_code LIKE ?)';
    const params = node === '' ? [] : node.includes('-') ? [node] : [node, `${node}.%`];
    const rows: Array<{ tenths: number | string | null }> = await t.dataSource.query(
      `SELECT (SELECT SUM(l.jp_tenths) FROM jp_ledger_entry l WHERE l.user_id = u.id AND l.year = 2026) AS tenths
         FROM user_account u WHERE u.employee_type IS NOT NULL AND u.active = ? AND ${place}`,
      [true, ...params],
    );
    const whole = rows.map((r) => Math.floor(Number(r.tenths ?? 0) / 10));
    return {
      people: rows.length,
      jp0: whole.filter((w) => w === 0).length,
      jp1to9: whole.filter((w) => w >= 1 && w <= 9).length,
      jp10to19: whole.filter((w) => w >= 10 && w <= 19).length,
      jp20plus: whole.filter((w) => w >= 20).length,
      metTarget: rows.filter((r) => Number(r.tenths ?? 0) >= 200).length,
      jpTenths: rows.reduce((sum, r) => sum + Number(r.tenths ?? 0), 0),
    };
  }
  const jpOf = (f: Body) => ({
    people: f.people,
    jp0: f.jp0,
    jp1to9: f.jp1to9,
    jp10to19: f.jp10to19,
    jp20plus: f.jp20plus,
    metTarget: f.metTarget,
    jpTenths: f.jpTenths,
  });

  it('counts JP attainment per node and child as the ledger and the people table do, per scope', async () => {
    for (const { who, nodes } of SCOPES()) {
      for (const node of nodes) {
        const q = `node=${encodeURIComponent(node)}&year=2026`;
        const jp = ok(await asUser(t, who).get(`/api/monitoring/jp?${q}`));
        const expected = await expectedJp(node);
        expect({ node, jp: jpOf(jp.totals as Body) }).toEqual({ node, jp: expected });
        const overview = ok(await asUser(t, who).get(`/api/monitoring/overview?${q}`));
        expect({ node, jp: jpOf(overview.jp as Body) }).toEqual({ node, jp: expected });
        const byType = (jp.byEmployeeType as Body[]).reduce((s, r) => s + (r.people as number), 0);
        expect(byType).toBe(expected.people);
        for (const child of jp.children as Array<Body & { child: { node: string } }>) {
          expect({ child: child.child.node, jp: jpOf(child) }).toEqual({
            child: child.child.node,
            jp: await expectedJp(child.child.node),
          });
        }
        // The trend ends (May, the clock's month) with everyone at target so far.
        const trend = jp.trend as Array<{ month: number; cumulative: number }>;
        expect(trend.map((p) => p.month)).toEqual([1, 2, 3, 4, 5]);
        expect(trend[trend.length - 1].cumulative).toBe(expected.metTarget);
      }
    }
    expect((await expectedJp(units.a)).metTarget).toBe(1);
  });

  const SCOPES = () =>
    [
      { who: national, nodes: ['', '36', '36.74', '12', '12.71', units.a, units.b, units.c] },
      { who: banten, nodes: ['36', '36.74', units.a, units.b] },
      { who: tangsel, nodes: ['36.74', units.a] },
    ] as const;

  it('counts enrolled, in progress, completed, overdue and requested per node, course and child as the enrolment table does, per scope', async () => {
    for (const { who, nodes } of SCOPES()) {
      for (const node of nodes) {
        const body = ok(await asUser(t, who).get(`/api/monitoring/completion?node=${encodeURIComponent(node)}`));
        expect({ node, totals: figuresOf(body.totals as Body) }).toEqual({
          node,
          totals: await expectedCompletion(node),
        });
        for (const course of body.courses as Body[]) {
          const id = course.courseId as string;
          if (!courseIds.includes(id)) continue;
          expect({ node, id, f: figuresOf(course) }).toEqual({ node, id, f: await expectedCompletion(node, id) });
        }
        const overview = ok(await asUser(t, who).get(`/api/monitoring/overview?node=${encodeURIComponent(node)}`));
        expect(figuresOf(overview.completion as Body)).toEqual(await expectedCompletion(node));
        // One course per child: the children add up to what sits below each of them.
        for (const id of courseIds) {
          const one = ok(
            await asUser(t, who).get(`/api/monitoring/completion?node=${encodeURIComponent(node)}&courseId=${id}`),
          );
          for (const child of one.children as Array<Body & { child: { node: string } }>) {
            expect({ child: child.child.node, f: figuresOf(child) }).toEqual({
              child: child.child.node,
              f: await expectedCompletion(child.child.node, id),
            });
          }
        }
      }
    }
    // Something real was counted: an overdue assignment in unit A, a request in Banten's unit B.
    expect((await expectedCompletion(units.a)).overdue).toBeGreaterThan(0);
    expect((await expectedCompletion('36')).requested).toBeGreaterThan(0);
  });

  it('answers 404 outside the caller scope, 403 to learners, 400 naming a malformed filter', async () => {
    expect((await asUser(t, tangsel).get('/api/monitoring/overview?node=36')).status).toBe(404);
    expect((await asUser(t, tangsel).get('/api/monitoring/overview?node=')).status).toBe(404);
    expect((await asUser(t, banten).get(`/api/monitoring/jp?node=${units.c}`)).status).toBe(404);
    expect((await asUser(t, medan).get('/api/monitoring/completion?node=36.74')).status).toBe(404);
    expect((await asUser(t, national).get('/api/monitoring/plans?node=99')).status).toBe(404);
    expect((await asUser(t, learner).get('/api/monitoring/overview')).status).toBe(403);
    const root = ok(await asUser(t, tangsel).get('/api/monitoring/overview'));
    expect((root.node as Body).node).toBe('36.74');
    for (const [url, field] of [
      ['/api/monitoring/overview?year=1999', 'year'],
      ['/api/monitoring/jp?fromMonth=13', 'fromMonth'],
      ['/api/monitoring/jp?fromMonth=5&toMonth=3', 'fromMonth'],
      ['/api/monitoring/completion?courseId=abc', 'courseId'],
      ['/api/monitoring/competencies?competencyCode=%3Cx%3E', 'competencyCode'],
      ['/api/monitoring/overview?node=DROP', 'node'],
      ['/api/monitoring/plans?colour=red', 'colour'],
    ] as const) {
      const res = await asUser(t, national).get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect((res.body.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).toContain(field);
    }
  });

  it('lets only a national admin rebuild, one run at a time, and reports its progress', async () => {
    expect((await asUser(t, banten).post('/api/monitoring/rebuilds')).status).toBe(403);
    const before = ok(await asUser(t, national).get(`/api/monitoring/completion?node=36`));
    // While another run is going, a second one is refused.
    const other = newId();
    await t.dataSource.getRepository(MonRebuild).insert({ id: other, status: 'running', done: 0, createdAt: now });
    // Refused at once even while that run holds the rollups (its node phase), not after a lock wait.
    const holder = t.dataSource.createQueryRunner();
    const locking = isMysqlFamily(t.dataSource);
    if (locking) {
      await holder.startTransaction();
      await holder.query("SELECT id FROM mon_state WHERE id = 'rollups' FOR UPDATE");
    }
    let refused;
    try {
      refused = await asUser(t, national).post('/api/monitoring/rebuilds').timeout(5000);
    } finally {
      if (locking) await holder.rollbackTransaction();
      await holder.release();
    }
    expect(refused.status).toBe(409);
    await t.dataSource.getRepository(MonRebuild).update({ id: other }, { status: 'failed' });
    const started = await asUser(t, national).post('/api/monitoring/rebuilds');
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('queued');
    await t.drain();
    const run = ok(await asUser(t, national).get(`/api/monitoring/rebuilds/${started.body.id as string}`));
    expect(run.status).toBe('done');
    expect(
      (await asUser(t, national).get('/api/monitoring/rebuilds/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    // The rebuild agrees with the increments.
    expect(ok(await asUser(t, national).get(`/api/monitoring/completion?node=36`)).totals).toEqual(before.totals);
  });

  describe('pages', () => {
    async function signedIn(who: GivenUser): Promise<BrowserAgent> {
      const agent = browserAgent(t);
      expect((await signInThroughPages(agent, who.username, who.password)).status).toBe(303);
      return agent;
    }
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ');

    it('drills down from the kota to a unit and back, every number a link to its people', async () => {
      const agent = await signedIn(tangsel);
      const home = await agent.get('/pemantauan');
      expect(home.status).toBe(200);
      expect(home.text).toContain('href="/pemantauan"');
      expect(text(home.text)).toContain('Pemantauan: Kota Tangerang Selatan');
      expect(home.text).toContain(`/pemantauan?node=${units.a}`);
      const unit = await agent.get(`/pemantauan?node=${units.a}&bagian=penyelesaian`);
      expect(unit.status).toBe(200);
      // Breadcrumb back to the kota, the top of this admin's scope.
      expect(unit.text).toMatch(
        /<nav aria-label="Jejak wilayah"[\s\S]*href="\/pemantauan\?node=36\.74&amp;bagian=penyelesaian"/,
      );
      const figures = await expectedCompletion(units.a);
      expect(unit.text).toContain(
        `/pemantauan/orang?node=${units.a}&amp;metric=course-overdue">${figures.overdue}</a>`,
      );
      expect(unit.text).toContain(
        `/pemantauan/orang?node=${units.a}&amp;metric=course-enrolled">${figures.enrolled}</a>`,
      );
      for (const section of ['jp', 'kompetensi', 'rencana']) {
        const page = await agent.get(`/pemantauan?node=${units.a}&bagian=${section}`);
        expect({ section, status: page.status }).toEqual({ section, status: 200 });
      }
      expect((await agent.get('/pemantauan?node=36')).status).toBe(404);
      expect((await agent.get('/pemantauan?year=abc')).status).toBe(400);
    });

    it('shows the nation to a national admin in English too, with an inline SVG trend and no script', async () => {
      const agent = await signedIn(national);
      await agent.get('/bahasa?ke=en&next=/pemantauan');
      const page = await agent.get('/pemantauan?bagian=jp&year=2026');
      expect(page.status).toBe(200);
      expect(text(page.text)).toContain('Monitoring: Indonesia');
      expect(page.text).toContain('<svg');
      expect(page.text).not.toContain('<script');
    });
  });
});
