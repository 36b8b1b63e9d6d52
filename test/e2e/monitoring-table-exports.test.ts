import { Clock } from '../../libs/common';
import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  okBody,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import { DASHBOARD_TABLE_KINDS, DashboardTableKind } from '../../src/modules/monitoring/exports/export-kinds';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';

const YEAR = 2026;

/** A CSV file of the exports as rows of cells (quoted cells unquoted, the BOM dropped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted && ch === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

const num = (v: number | null) => (v === null ? '' : String(v));

/**
 * Every table of the dashboard pages can be exported, and the file holds the rows and the
 * numbers the dashboard shows for the same filters; each table's page carries the form.
 */
describe('monitoring: every dashboard table exports what the dashboard shows', () => {
  let t: TestApp;
  let admin: GivenUser;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date('2026-06-15T03:00:00Z'));
    await givenRegions(t);
    const unitA = (await givenUnit(t, '36.74')).id;
    const unitB = (await givenUnit(t, '36.74')).id;
    const medan = (await givenUnit(t, '12.71')).id;
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    const national = await givenUser(t, { role: 'national_admin' });
    const analyst = (
      await t.get(OrganisationApi).ensurePosition({ code: 'JF-EKS-ANALIS', name: 'Analis', kind: 'functional' })
    ).id;
    okBody(
      await asUser(t, national).put(`/api/positions/${analyst}/requirements`, {
        requirements: [
          { competencyCode: 'M.05', requiredLevel: 2 },
          { competencyCode: 'M.08', requiredLevel: 3 },
        ],
      }),
      'standard',
    );
    const supervisor = await givenUser(t, { role: 'supervisor', unitId: unitA });
    const learners = [
      await givenUser(t, { unitId: unitA, positionId: analyst, supervisorId: supervisor.user.id }),
      await givenUser(t, { unitId: unitA, positionId: analyst }),
      await givenUser(t, { unitId: unitB, positionId: analyst, golongan: 'IV/a' }),
      await givenUser(t, { unitId: medan, positionId: analyst }),
    ];
    const instructor = await givenUser(t, { role: 'instructor', unitId: unitB });
    // 20 JP: the yearly target, so the learners who finish it count as attained in June.
    const course = await givenPublishedCourse(t, instructor.auth, { jp: 20 });
    courseId = course.courseId;
    for (const [i, learner] of learners.entries()) {
      okBody(await asUser(t, learner).post(`/api/learning/courses/${courseId}/enrolment`), 'enrol');
      if (i % 2 === 1) continue;
      for (const id of course.lessonIds)
        okBody(await asUser(t, learner).post(`/api/learning/courses/${courseId}/lessons/${id}/completion`), 'lesson');
    }
    okBody(await asUser(t, learners[0]).post('/api/development-plans/me', {}), 'plan');
    okBody(await asUser(t, learners[2]).post('/api/development-plans/me', {}), 'plan');
    await t.drain();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  /** Asks for an export as the admin, lets the job run and reads the CSV back. */
  async function exported(kind: DashboardTableKind, params: Record<string, unknown>): Promise<string[][]> {
    const asked = await asUser(t, admin).post('/api/monitoring/exports', { kind, params, format: 'csv' });
    expect({ kind, status: asked.status }).toEqual({ kind, status: 202 });
    await t.drain();
    const done = okBody(await asUser(t, admin).get(`/api/monitoring/exports/${asked.body.id}`), 'export');
    expect({ kind, status: done.status }).toEqual({ kind, status: 'done' });
    const file = await asUser(t, admin).get(`/api/monitoring/exports/${asked.body.id}/file`).buffer(true);
    return parseCsv(file.text).slice(1);
  }
  const dashboard = async (path: string) => okBody(await asUser(t, admin).get(`/api/monitoring/${path}`), path);

  type Jp = Record<'people' | 'jp0' | 'jp1to9' | 'jp10to19' | 'jp20plus' | 'metTarget', number> & {
    metShare: number | null;
    averageJp: number | null;
  };
  const jpCells = (f: Jp) => [f.people, f.jp0, f.jp1to9, f.jp10to19, f.jp20plus, f.metTarget].map(String);

  it('JP: per child, per employee type, per golongan and the monthly trend', async () => {
    const jp = (await dashboard(`jp?node=36.74&year=${YEAR}&fromMonth=1&toMonth=6`)) as {
      children: Array<{ child: { name: string; code: string } } & Jp>;
      byEmployeeType: Array<{ employeeType: string } & Jp>;
      byGolongan: Array<{ employeeType: string; golongan: string } & Jp>;
      trend: Array<{ month: number; attained: number; cumulative: number; share: number | null }>;
    };
    const params = { node: '36.74', year: YEAR, fromMonth: 1, toMonth: 6 };
    const children = await exported('jp-children', params);
    expect(children).toEqual(
      jp.children.map((c) => [c.child.name, c.child.code, ...jpCells(c), num(c.metShare), num(c.averageJp)]),
    );
    expect(children.map((r) => r[0])).toHaveLength(2); // units A and B
    expect((await exported('jp-types', params)).map((r) => r.slice(0, 7))).toEqual(
      jp.byEmployeeType.map((r) => [r.employeeType, ...jpCells(r)]),
    );
    const golongan = await exported('jp-golongan', params);
    expect(golongan.map((r) => r.slice(2, 8))).toEqual(jp.byGolongan.map(jpCells));
    expect(golongan.map((r) => r[1])).toContain('IV/a');
    const trend = await exported('jp-trend', params);
    expect(trend.map((r) => r[0])).toEqual(['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni']);
    expect(trend.map((r) => r.slice(1))).toEqual(
      jp.trend.map((p) => [String(p.attained), String(p.cumulative), num(p.share)]),
    );
    expect(trend[5][2]).toBe('2'); // the two learners of 36.74 who finished the 20-JP course in June
  });

  it('completion: per course, and one course per child (which needs the course)', async () => {
    type Completion = Record<'enrolled' | 'inProgress' | 'completed' | 'overdue' | 'requested', number>;
    const cells = (c: Completion) => [c.enrolled, c.inProgress, c.completed, c.overdue].map(String);
    const all = (await dashboard('completion?node=36.74')) as { courses: Array<{ title: string } & Completion> };
    const courses = await exported('completion-courses', { node: '36.74' });
    expect(courses.map((r) => [r[0], ...r.slice(1, 5)])).toEqual(all.courses.map((c) => [c.title, ...cells(c)]));
    expect(courses[0].slice(1, 4)).toEqual(['3', '1', '2']);
    const one = (await dashboard(`completion?node=36.74&courseId=${courseId}`)) as {
      children: Array<{ child: { code: string } } & Completion>;
    };
    const perChild = await exported('completion-children', { node: '36.74', courseId });
    expect(perChild.map((r) => [r[1], ...r.slice(2, 6)])).toEqual(one.children.map((c) => [c.child.code, ...cells(c)]));
    expect(perChild).toHaveLength(2);

    const missing = await asUser(t, admin).post('/api/monitoring/exports', {
      kind: 'completion-children',
      params: { node: '36.74' },
      format: 'csv',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields[0]).toMatchObject({ field: 'params.courseId', rule: 'required' });
  });

  it('competencies: coverage and the heatmap, one row per child and competency', async () => {
    const section = (await dashboard('competencies?node=36.74')) as {
      competencies: Array<{ code: string; required: number; met: number; notMet: number }>;
      heatmap: {
        columns: string[];
        rows: Array<{ child: { code: string }; cells: Record<string, { required: number; met: number }> }>;
      };
    };
    const coverage = await exported('competency-coverage', { node: '36.74' });
    expect(coverage.map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
      section.competencies.map((c) => [c.code, String(c.required), String(c.met), String(c.notMet)]),
    );
    expect(coverage.map((r) => [r[0], r[2]])).toEqual([
      ['M.05', '3'],
      ['M.08', '3'],
    ]);
    const heatmap = await exported('competency-heatmap', { node: '36.74' });
    const expected = section.heatmap.rows.flatMap((r) =>
      section.heatmap.columns
        .filter((code) => r.cells[code])
        .map((code) => [r.child.code, code, String(r.cells[code].required), String(r.cells[code].met)]),
    );
    expect(heatmap.map((r) => [r[1], r[2], r[4], r[5]])).toEqual(expected);
    expect(heatmap).toHaveLength(4); // 2 units × 2 competencies
  });

  it('plans: per child and status', async () => {
    const section = (await dashboard(`plans?node=36.74&year=${YEAR}`)) as {
      children: Array<{ child: { code: string }; total: number; statuses: Array<{ status: string; plans: number }> }>;
    };
    const rows = await exported('plan-children', { node: '36.74', year: YEAR });
    expect(rows.map((r) => [r[1], ...r.slice(2)])).toEqual(
      section.children.map((c) => [c.child.code, String(c.total), ...c.statuses.map((s) => String(s.plans))]),
    );
    expect(rows.map((r) => r[2])).toEqual(['1', '1']);
  });

  it('each table of the pages carries its export form, which queues that table with the page filters', async () => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, admin.username, admin.password);
    const sections: Record<string, string> = {
      [`bagian=jp&node=36.74&year=${YEAR}`]: 'jp-trend jp-types jp-golongan jp-children',
      [`bagian=penyelesaian&node=36.74&courseId=${courseId}`]: 'completion-courses completion-children',
      'bagian=kompetensi&node=36.74': 'competency-coverage competency-heatmap',
      [`bagian=rencana&node=36.74&year=${YEAR}`]: 'plan-children',
      [`node=36.74&year=${YEAR}`]: 'jp-children',
    };
    const seen = new Set<string>();
    for (const [query, kinds] of Object.entries(sections)) {
      const page = await agent.get(`/pemantauan?${query}`);
      expect(page.status).toBe(200);
      const forms = [...page.text.matchAll(/data-export-kind="([a-z-]+)"/g)].map((m) => m[1]);
      expect({ query, forms }).toEqual({ query, forms: kinds.split(' ') });
      forms.forEach((k) => seen.add(k));
    }
    expect([...seen].sort()).toEqual([...DASHBOARD_TABLE_KINDS].sort());

    const page = await agent.get(`/pemantauan?bagian=penyelesaian&node=36.74&courseId=${courseId}`);
    const posted = await agent
      .post('/pemantauan/ekspor')
      .type('form')
      .send({ _csrf: csrfOf(page.text), kind: 'completion-children', node: '36.74', courseId, format: 'csv' });
    expect(posted.status).toBe(303);
    await t.drain();
    const mine = okBody(await asUser(t, admin).get('/api/monitoring/exports'), 'exports').items as Array<{
      kind: string;
      status: string;
    }>;
    // One from the API test above, one from the form; the clock stands still, so look by kind.
    expect(mine.filter((x) => x.kind === 'completion-children').map((x) => x.status)).toEqual(['done', 'done']);
    const list = await agent.get('/pemantauan/ekspor');
    expect(list.text).toContain('Penyelesaian satu kursus per wilayah/unit');
  });
});
