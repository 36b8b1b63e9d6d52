import { Clock } from '../../libs/common';
import {
  asUser,
  browserAgent,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  okBody,
  signInThroughPages,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { PeopleService } from '../../src/modules/monitoring/people/people.service';
import { givenAsn, givenPosition } from './needs-analysis.fixtures';

const API = '/api/monitoring/people';
const YEAR = 2026;

/**
 * The people behind every dashboard number: for each node of the tree the list's count equals
 * the dashboard's number (the node rows, read through the dashboard API) and a count straight
 * from the source tables; names and NIPs come with it; a node outside the scope is a 404 and a
 * bad parameter a 400 naming the field; pages split the list without losing anyone.
 */
describe(`monitoring: people behind the numbers (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let unitA: string;
  let unitB: string;
  let medanUnit: string;
  let tangsel: GivenUser;
  let medanAdmin: GivenUser;
  let national: GivenUser;
  let learner: GivenUser;
  let course20: string;
  let courseDue: string;
  const asn: Record<string, { user: { id: string }; nip: string; auth: string }> = {};

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    now = new Date('2026-06-15T03:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    await givenRegions(t);
    unitA = (await givenUnit(t, '36.74')).id;
    unitB = (await givenUnit(t, '36.74')).id;
    medanUnit = (await givenUnit(t, '12.71')).id;
    tangsel = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71' });
    national = await givenUser(t, { role: 'national_admin' });
    learner = await givenUser(t, { unitId: unitA });
    const instructor = await givenUser(t, { role: 'instructor', unitId: unitA });
    const position = await givenPosition(t, { 'M.05': 2 });
    for (const [key, unit, pos] of [
      ['a1', unitA, position],
      ['a2', unitA, position],
      ['a3', unitA, null],
      ['b1', unitB, position],
      ['b2', unitB, null],
      ['m1', medanUnit, position],
    ] as const)
      asn[key] = await givenAsn(t, unit, pos);
    const c20 = await givenPublishedCourse(t, instructor.auth, { jp: 20, competencies: [{ code: 'M.05', level: 2 }] });
    const due = await givenPublishedCourse(t, instructor.auth, { jp: 5, deadline: '2026-06-20' });
    course20 = c20.courseId;
    courseDue = due.courseId;
    const enrol = async (key: string, courseId: string) =>
      okBody(await asUser(t, asn[key]).post(`/api/learning/courses/${courseId}/enrolment`), 'enrol');
    const complete = async (key: string, c: { courseId: string; lessonIds: string[] }) => {
      await enrol(key, c.courseId);
      for (const id of c.lessonIds)
        okBody(
          await asUser(t, asn[key]).post(`/api/learning/courses/${c.courseId}/lessons/${id}/completion`),
          'lesson',
        );
    };
    await complete('a1', c20); // 20 JP: target met, M.05 reached
    await complete('m1', c20);
    await enrol('b1', course20); // active, no deadline
    await complete('a2', due); // 5 JP
    await enrol('a3', courseDue);
    await enrol('b2', courseDue);
    await t.drain();
    now = new Date('2026-07-01T03:00:00Z'); // the deadline day has passed: a3 and b2 are overdue
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const list = (who: GivenUser, params: Record<string, string | number>) =>
    asUser(t, who).get(
      `${API}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`,
    );
  const total = async (who: GivenUser, params: Record<string, string | number>) => {
    const res = await list(who, { pageSize: 100, ...params });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(Math.min(res.body.total, 100));
    return res.body.total as number;
  };
  const ids = (keys: string[]) => keys.map((k) => asn[k].user.id).sort();
  const listedIds = async (who: GivenUser, params: Record<string, string | number>) =>
    ((await list(who, { pageSize: 100, ...params })).body.items as Array<{ userId: string }>)
      .map((i) => i.userId)
      .sort();

  it('JP buckets and target: the list counts equal the dashboard and the ledger, at every node', async () => {
    const nodes = ['', '36', '36.74', unitA, unitB, '12.71', medanUnit];
    for (const node of nodes) {
      const jp = okBody(await asUser(t, national).get(`/api/monitoring/jp?node=${node}&year=${YEAR}`), 'jp');
      const totals = jp.totals as Record<string, number>;
      const pairs: Array<[Record<string, string>, number]> = [
        [{ metric: 'jp-bucket', bucket: '0' }, totals.jp0],
        [{ metric: 'jp-bucket', bucket: '1-9' }, totals.jp1to9],
        [{ metric: 'jp-bucket', bucket: '10-19' }, totals.jp10to19],
        [{ metric: 'jp-bucket', bucket: '20+' }, totals.jp20plus],
        [{ metric: 'jp-met' }, totals.metTarget],
        [{ metric: 'jp-not-met' }, totals.notMet],
      ];
      for (const [params, expected] of pairs) {
        expect({ node, ...params, count: await total(national, { node, year: YEAR, ...params }) }).toEqual({
          node,
          ...params,
          count: expected,
        });
      }
    }
    // Independently: the people of unit A with 20 JP or more in the ledger.
    const [{ n }] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM (SELECT l.user_id FROM jp_ledger_entry l JOIN user_account u ON u.id = l.user_id
        WHERE l.year = ? AND u.unit_id = ? GROUP BY l.user_id HAVING SUM(l.jp_tenths) >= 200) x`,
      [YEAR, unitA],
    );
    expect(Number(n)).toBe(1);
    expect(await listedIds(tangsel, { node: unitA, year: YEAR, metric: 'jp-bucket', bucket: '20+' })).toEqual(
      ids(['a1']),
    );
    expect(await listedIds(tangsel, { node: unitA, year: YEAR, metric: 'jp-bucket', bucket: '1-9' })).toEqual(
      ids(['a2']),
    );
  });

  it('course metrics: enrolled, active, completed and overdue equal the completion dashboard and the enrolment table', async () => {
    for (const node of ['', '36', '36.74', unitA, unitB, '12.71']) {
      for (const courseId of [course20, courseDue]) {
        const section = okBody(
          await asUser(t, national).get(`/api/monitoring/completion?node=${node}&courseId=${courseId}`),
          'completion',
        );
        const figures = section.totals as Record<string, number>;
        for (const [metric, expected] of [
          ['course-enrolled', figures.enrolled],
          ['course-active', figures.inProgress],
          ['course-completed', figures.completed],
          ['course-overdue', figures.overdue],
        ] as const) {
          expect({ node, metric, count: await total(national, { node, metric, courseId }) }).toEqual({
            node,
            metric,
            count: expected,
          });
        }
      }
    }
    const [{ n }] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM enrolment WHERE course_id = ? AND status = 'active' AND deadline IS NOT NULL`,
      [courseDue],
    );
    expect(Number(n)).toBe(2);
    expect(await listedIds(tangsel, { metric: 'course-overdue', courseId: courseDue })).toEqual(ids(['a3', 'b2']));
    // The headline numbers (every course at the node): one row per enrolment.
    for (const node of ['', '36.74', unitA, unitB]) {
      const section = okBody(await asUser(t, national).get(`/api/monitoring/completion?node=${node}`), 'completion');
      const figures = section.totals as Record<string, number>;
      for (const [metric, expected] of [
        ['course-enrolled', figures.enrolled],
        ['course-active', figures.inProgress],
        ['course-completed', figures.completed],
        ['course-overdue', figures.overdue],
      ] as const) {
        expect({ node, metric, count: await total(national, { node, metric }) }).toEqual({
          node,
          metric,
          count: expected,
        });
      }
    }
    expect(await listedIds(tangsel, { node: unitA, metric: 'course-enrolled' })).toEqual(ids(['a1', 'a2', 'a3']));
    expect(await listedIds(tangsel, { node: unitA, metric: 'course-completed', courseId: course20 })).toEqual(
      ids(['a1']),
    );
  });

  it('competency coverage: met and not met equal the competency dashboard', async () => {
    for (const node of ['', '36.74', unitA, unitB, '12.71']) {
      const section = okBody(
        await asUser(t, national).get(`/api/monitoring/competencies?node=${node}&competencyCode=M.05`),
        'competencies',
      );
      const row = (section.competencies as Array<{ code: string; met: number; notMet: number }>).find(
        (c) => c.code === 'M.05',
      ) ?? { met: 0, notMet: 0 };
      expect(await total(national, { node, metric: 'competency-met', competencyCode: 'M.05' })).toBe(row.met);
      expect(await total(national, { node, metric: 'competency-not-met', competencyCode: 'M.05' })).toBe(row.notMet);
    }
    // a2's 5-JP course also gave M.05 at level 2; b1 is still learning; a3 and b2 have no position.
    expect(await listedIds(tangsel, { metric: 'competency-met', competencyCode: 'M.05' })).toEqual(ids(['a1', 'a2']));
    expect(await listedIds(tangsel, { metric: 'competency-not-met', competencyCode: 'M.05' })).toEqual(ids(['b1']));
  });

  it('rows name the person with a spaced NIP, their unit and the figure', async () => {
    const res = await list(tangsel, { node: unitA, year: YEAR, metric: 'jp-met' });
    expect(res.status).toBe(200);
    const nip = asn.a1.nip;
    expect(res.body.items).toEqual([
      expect.objectContaining({
        userId: asn.a1.user.id,
        nip: `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`,
        unitId: unitA,
        unitName: expect.stringMatching(/^Unit uji/),
        jp: 20,
        targetJp: 20,
        name: expect.stringMatching(/^ASN Uji/),
      }),
    ]);
    expect(res.body.node).toEqual(expect.objectContaining({ node: unitA, kind: 'U' }));
  });

  it('pages split the list: every person once, in the same order, the total on each page', async () => {
    const all = await listedIds(national, { node: '', year: YEAR, metric: 'jp-not-met' });
    expect(all.length).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 3); page++) {
      const res = await list(national, { node: '', year: YEAR, metric: 'jp-not-met', page, pageSize: 3 });
      expect(res.body).toEqual(expect.objectContaining({ page, pageSize: 3, total: all.length }));
      seen.push(...res.body.items.map((i: { userId: string }) => i.userId));
    }
    expect(seen.sort()).toEqual(all);
    expect(new Set(seen).size).toBe(all.length);
  });

  it('pages walked on by their next cursor, and back by their previous one, hold the people in the order of the page numbers', async () => {
    const asks: Array<Record<string, string | number>> = [
      { node: '', year: YEAR, metric: 'jp-not-met' }, // JP, then id: ties across pages
      { node: '', metric: 'course-enrolled', courseId: courseDue },
      { node: '', metric: 'competency-met', competencyCode: 'M.05' },
    ];
    for (const params of asks) {
      const byNumber: string[] = [];
      const byCursor: string[] = [];
      let after: string | null = null;
      for (let page = 1; ; page++) {
        const numbered = await list(national, { ...params, page, pageSize: 1 });
        byNumber.push(...numbered.body.items.map((i: { userId: string }) => i.userId));
        // No page number: the cursor alone says where the page starts.
        const walked = await list(national, { ...params, pageSize: 1, ...(after ? { after } : {}) });
        expect(walked.status).toBe(200);
        expect(walked.body.total).toBe(numbered.body.total);
        byCursor.push(...walked.body.items.map((i: { userId: string }) => i.userId));
        after = walked.body.next;
        if (page >= numbered.body.totalPages) break;
        expect(after).toEqual(expect.any(String));
      }
      expect(after).toBeNull();
      expect({ params, enough: byNumber.length >= 2 }).toEqual({ params, enough: true });
      expect({ params, byCursor }).toEqual({ params, byCursor: byNumber });

      // And back from the last page by each page's previous cursor, to the first.
      const last = await list(national, { ...params, page: byNumber.length, pageSize: 1 });
      const backwards: string[] = last.body.items.map((i: { userId: string }) => i.userId);
      let before: string | null = last.body.previous;
      while (before) {
        const page = await list(national, { ...params, pageSize: 1, before });
        expect(page.status).toBe(200);
        backwards.unshift(...page.body.items.map((i: { userId: string }) => i.userId));
        before = page.body.previous;
      }
      expect({ params, backwards }).toEqual({ params, backwards: byNumber });
      expect((await list(national, { ...params, pageSize: 1 })).body.previous).toBeNull();
    }
  });

  it("a list's total (the node's number) equals the rows it lists, for every family and node", async () => {
    const people = t.get(PeopleService);
    const asks: Array<Record<string, string | number>> = [
      { year: YEAR, metric: 'jp-met' },
      { year: YEAR, metric: 'jp-not-met' },
      { year: YEAR, metric: 'jp-bucket', bucket: '0' },
      { year: YEAR, metric: 'jp-bucket', bucket: '1-9' },
      { metric: 'course-enrolled' },
      { metric: 'course-active', courseId: courseDue },
      { metric: 'course-overdue', courseId: courseDue },
      { metric: 'course-completed', courseId: course20 },
      { metric: 'competency-met', competencyCode: 'M.05' },
      { metric: 'competency-not-met', competencyCode: 'M.05' },
    ];
    let nonEmpty = 0;
    for (const node of ['', '36', '36.74', unitA, '12.71']) {
      for (const params of asks) {
        const asked = { node, ...params };
        const res = await list(national, { ...asked, pageSize: 100 });
        expect(res.status).toBe(200);
        const { node: at, ask } = await people.resolve({ kind: 'national' }, asked as never);
        let rows = 0;
        for await (const batch of people.walk(at, ask, 50)) rows += batch.length;
        expect({ asked, total: res.body.total }).toEqual({ asked, total: rows });
        if (rows > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('an export walks each list after its last row, 2 at a time: the same people in the same order as the list', async () => {
    const people = t.get(PeopleService);
    const asks: Array<Record<string, string | number>> = [
      { node: '', year: YEAR, metric: 'jp-not-met' }, // ordered by JP, then id: ties across batches
      { node: '36', year: YEAR, metric: 'jp-bucket', bucket: '0' },
      { node: '', metric: 'course-enrolled', courseId: courseDue },
      { node: '', metric: 'course-overdue', courseId: courseDue },
      { node: '', metric: 'competency-not-met', competencyCode: 'M.05' },
      { node: '', metric: 'competency-met', competencyCode: 'M.05' },
    ];
    for (const params of asks) {
      const listed = ((await list(national, { pageSize: 100, ...params })).body.items as Array<{ userId: string }>).map(
        (i) => i.userId,
      );
      const { node, ask } = await people.resolve({ kind: 'national' }, params as never);
      const walked: string[] = [];
      for await (const rows of people.walk(node, ask, 2)) {
        expect(rows.length).toBeLessThanOrEqual(2);
        walked.push(...rows.map((r) => r.userId));
      }
      expect({ params, walked }).toEqual({ params, walked: listed });
    }
  });

  it('outside the scope is a 404: another region, its unit, the nation; learners are refused', async () => {
    for (const node of ['12.71', medanUnit, '12', '']) {
      const res = await list(tangsel, { node, year: YEAR, metric: 'jp-met' });
      expect({ node, status: res.status }).toEqual({ node, status: 404 });
    }
    expect((await list(medanAdmin, { node: unitA, year: YEAR, metric: 'jp-met' })).status).toBe(404);
    expect((await list(medanAdmin, { node: medanUnit, year: YEAR, metric: 'jp-met' })).status).toBe(200);
    expect((await list(learner, { year: YEAR, metric: 'jp-met' })).status).toBe(403);
    // Without a node: the top of the admin's own scope.
    const own = await list(tangsel, { year: YEAR, metric: 'jp-met' });
    expect(own.body.node.node).toBe('36.74');
  });

  it('bad parameters are a 400 naming the field', async () => {
    const cases: Array<[Record<string, string | number>, string]> = [
      [{ year: YEAR }, 'metric'],
      [{ metric: 'jp-sum' }, 'metric'],
      [{ metric: 'jp-bucket' }, 'bucket'],
      [{ metric: 'jp-bucket', bucket: '5-6' }, 'bucket'],
      [{ metric: 'course-enrolled', assignmentKey: '' }, 'courseId'],
      [{ metric: 'course-enrolled', courseId: 'abc' }, 'courseId'],
      [{ metric: 'competency-met' }, 'competencyCode'],
      [{ metric: 'plan-status' }, 'status'],
      [{ metric: 'jp-met', year: 1900 }, 'year'],
      [{ metric: 'jp-met', pageSize: 101 }, 'pageSize'],
      [{ metric: 'jp-met', role: 'national_admin' }, 'role'],
      [{ metric: 'jp-met', after: 'halaman-2' }, 'after'],
      // A cursor of another kind of list: JP lists stop at a JP and an id.
      [{ metric: 'jp-met', after: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, 'after'],
      [{ metric: 'competency-met', competencyCode: 'M.05', after: '5:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, 'after'],
      [{ metric: 'jp-met', before: 'halaman-1' }, 'before'],
      // Deeper than 10,000 rows by number: the cursors go there.
      [{ metric: 'jp-met', page: 502, pageSize: 20 }, 'page'],
      [
        {
          metric: 'jp-met',
          after: '5:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
          before: '9:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        },
        'before',
      ],
    ];
    for (const [params, field] of cases) {
      const res = await list(tangsel, params);
      expect({ params, status: res.status }).toEqual({ params, status: 400 });
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    // 10,000 rows deep by number is still a page; past that, a page after a cursor is labelled freely.
    expect((await list(tangsel, { metric: 'jp-met', page: 501, pageSize: 20 })).status).toBe(200);
    const jpNotMet = { node: '', year: YEAR, metric: 'jp-not-met', pageSize: 1 };
    const first = await list(national, jpNotMet);
    expect(first.body.next).toEqual(expect.any(String));
    const deep = await list(national, { ...jpNotMet, page: 20_000, after: first.body.next });
    expect(deep.status).toBe(200);
  });

  it('names plan statuses on the page as the dashboard does, not by their codes', async () => {
    // A unit of its own, so that the other lists of unit A keep their people.
    const unit = (await givenUnit(t, '36.74')).id;
    const planner = await givenUser(t, { unitId: unit });
    expect((await asUser(t, planner).post('/api/development-plans/me', {})).status).toBe(201);
    await t.drain();
    const agent = browserAgent(t);
    await signInThroughPages(agent, tangsel.username, tangsel.password);
    const page = await agent.get(`/pemantauan/orang?node=${unit}&year=${YEAR}&metric=plan-status&status=draft`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Rencana pengembangan tahun ${YEAR} berstatus Draf`);
    expect(page.text).toContain(planner.user.name);
    expect(page.text).toMatch(/<td>Draf<\/td>/);
    expect(page.text).not.toContain('berstatus draft');
  });

  it('the page lists the people with pagination and an export form', async () => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, tangsel.username, tangsel.password);
    const page = await agent.get(`/pemantauan/orang?node=${unitA}&year=${YEAR}&metric=jp-not-met&pageSize=1`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Belum mencapai target JP tahun 2026');
    // a2 (5 JP), a3, and the learner and instructor of unit A (0 JP): a1 met the target.
    expect(page.text).toMatch(/>4 ASN</);
    expect(page.text).toContain('Halaman 1 dari 4');
    expect(page.text).toContain('pageSize=1&amp;page=2');
    // "Berikutnya" goes on after the last row shown; the next page is page 2 of the same list.
    const nextHref = /href="([^"]+)" rel="next"/.exec(page.text)![1].replace(/&amp;/g, '&');
    expect(nextHref).toMatch(/&after=\d+%3A[0-9a-f-]{36}$/);
    const second = await agent.get(nextHref);
    expect(second.status).toBe(200);
    expect(second.text).toContain('Halaman 2 dari 4');
    const byNumber = await list(tangsel, { node: unitA, year: YEAR, metric: 'jp-not-met', pageSize: 1, page: 2 });
    expect(/<tbody>\s*<tr>\s*<td>([^<]+)</.exec(second.text)![1]).toBe(byNumber.body.items[0].name);
    // "Sebelumnya" goes back before the first row shown: page 1 again.
    const prevHref = /href="([^"]+)" rel="prev"/.exec(second.text)![1].replace(/&amp;/g, '&');
    expect(prevHref).toMatch(/page=1&before=\d+%3A[0-9a-f-]{36}$/);
    const first = await agent.get(prevHref);
    expect(first.text).toContain('Halaman 1 dari 4');
    const firstName = /<tbody>\s*<tr>\s*<td>([^<]+)</.exec(page.text)![1];
    expect(/<tbody>\s*<tr>\s*<td>([^<]+)</.exec(first.text)![1]).toBe(firstName);
    expect(page.text).toContain('action="/pemantauan/ekspor"');
    expect(page.text).toContain('value="jp-not-met"');
    const outside = await agent.get(`/pemantauan/orang?node=${medanUnit}&metric=jp-met`);
    expect(outside.status).toBe(404);
  });

  it('a page after the last row links on to nothing, and back by a number that may be asked', async () => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, tangsel.username, tangsel.password);
    const ask = { node: unitA, year: YEAR, metric: 'jp-not-met', pageSize: 1 };
    const last = await list(tangsel, { ...ask, page: 4 });
    expect(last.body.next).toBeNull();
    // After the last row, labelled page 2 of 4 (as a total still catching up would leave it).
    const url = (page: number) =>
      `/pemantauan/orang?node=${unitA}&year=${YEAR}&metric=jp-not-met&pageSize=1&page=${page}&after=${encodeURIComponent(last.body.previous)}`;
    const end = await agent.get(url(2));
    expect(end.status).toBe(200);
    expect(end.text).toContain('Halaman 2 dari 4');
    expect(end.text).not.toContain('rel="next"');
    expect(/href="([^"]+)" rel="prev"/.exec(end.text)![1]).toMatch(/pageSize=1&amp;page=1$/);
    // Labelled deeper than a number may reach, back goes to the deepest page by number.
    const deep = await agent.get(url(20_000));
    expect(deep.status).toBe(200);
    const back = /href="([^"]+)" rel="prev"/.exec(deep.text)![1].replace(/&amp;/g, '&');
    expect(back).toMatch(/pageSize=1&page=10001$/);
    expect((await agent.get(back)).status).toBe(200);
  });
});
