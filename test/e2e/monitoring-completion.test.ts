import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { CourseLeaves } from '../../src/modules/monitoring/leaves/course-leaves';
import { LeafRefresher } from '../../src/modules/monitoring/rollups/leaf-refresher';
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';
import { MonCourseLeaf } from '../../src/modules/monitoring/entities';

type Row = Record<string, string | number>;
const WIB = 7 * 3_600_000;

/**
 * Completion rollups: enrolments, requests, assignments with a deadline and completions,
 * counted per course and assignment at the nation, province, kota and unit, against counts
 * of the enrolment table itself; replaying the refreshes and a full rebuild change nothing.
 */
describe(`monitoring: completion per course and assignment (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let units: { a: string; b: string; c: string };
  let admin: GivenUser;
  let instructor: GivenUser;
  const courseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    units = {
      a: (await givenUnit(t, '36.74')).id,
      b: (await givenUnit(t, '36.74')).id,
      c: (await givenUnit(t, '12.71')).id,
    };
    admin = await givenUser(t, { role: 'national_admin' });
    instructor = await givenUser(t, { role: 'instructor', unitId: units.a });
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
  const enrol = async (who: GivenUser, courseId: string) =>
    ok(await asUser(t, who).post(`/api/learning/courses/${courseId}/enrolment`));
  const complete = async (who: GivenUser, course: { courseId: string; lessonIds: string[] }) => {
    for (const id of course.lessonIds)
      ok(await asUser(t, who).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`));
  };

  /** The independent count: enrolments below a node, by course and assignment (from the source table). */
  async function expectedCourseRows(node: string): Promise<Row[]> {
    const rows: Row[] = await t.dataSource.query(
      `SELECT e.course_id AS course_id, COALESCE(e.assignment_id, '') AS assignment_key,
              SUM(CASE WHEN e.status = 'requested' THEN 1 ELSE 0 END) AS requested,
              SUM(CASE WHEN e.status = 'active' THEN 1 ELSE 0 END) AS active,
              SUM(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END) AS completed
       FROM enrolment e LEFT JOIN unit u ON u.id = e.unit_id
       WHERE e.course_id IN (${courseIds.map(() => '?').join(', ')}) AND ${placeCondition(node)}
       GROUP BY e.course_id, COALESCE(e.assignment_id, '')`,
      [...courseIds, ...placeParams(node)],
    );
    return normalise(rows.filter((r) => Number(r.requested) + Number(r.active) + Number(r.completed) > 0));
  }

  async function expectedDeadlineRows(node: string): Promise<Row[]> {
    const raw: Array<{ course_id: string; assignment_key: string; deadline: string | Date; n: number }> =
      await t.dataSource.query(
        `SELECT e.course_id AS course_id, COALESCE(e.assignment_id, '') AS assignment_key, e.deadline AS deadline,
                COUNT(*) AS n
         FROM enrolment e LEFT JOIN unit u ON u.id = e.unit_id
         WHERE e.course_id IN (${courseIds.map(() => '?').join(', ')}) AND ${placeCondition(node)}
           AND e.status = 'active' AND e.deadline IS NOT NULL
         GROUP BY e.course_id, COALESCE(e.assignment_id, ''), e.deadline`,
        [...courseIds, ...placeParams(node)],
      );
    const byDay = new Map<string, Row>();
    for (const r of raw) {
      const at = r.deadline instanceof Date ? r.deadline : new Date(`${String(r.deadline).replace(' ', 'T')}Z`);
      const day = new Date(at.getTime() + WIB).toISOString().slice(0, 10);
      const id = `${r.course_id}|${r.assignment_key}|${day}`;
      const row = byDay.get(id) ?? {
        course_id: r.course_id,
        assignment_key: r.assignment_key,
        deadline_day: day,
        open_count: 0,
      };
      row.open_count = Number(row.open_count) + Number(r.n);
      byDay.set(id, row);
    }
    return normalise([...byDay.values()]);
  }

  const placeCondition = (node: string) =>
    node === '' ? '1 = 1' : node.includes('-') ? 'e.unit_id = ?' : '(u.region_code = ? OR u.region_code LIKE ?)';
  const placeParams = (node: string) => (node === '' ? [] : node.includes('-') ? [node] : [node, `${node}.%`]);

  async function nodeRows(table: string, node: string, columns: string[]): Promise<Row[]> {
    const rows: Row[] = await t.dataSource.query(
      `SELECT ${columns.join(', ')} FROM ${table} WHERE node = ? AND course_id IN (${courseIds.map(() => '?').join(', ')})`,
      [node, ...courseIds],
    );
    return normalise(rows.filter((r) => columns.some((c) => typeof r[c] !== 'string' && Number(r[c]) !== 0)));
  }

  function normalise(rows: Row[]): Row[] {
    const out = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === 'string' && !/_id$|_key$|_day$/.test(k) ? Number(v) : typeof v === 'number' ? v : String(v),
        ]),
      ),
    );
    return out.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }

  const COURSE_COLUMNS = ['course_id', 'assignment_key', 'requested', 'active', 'completed'];
  const DEADLINE_COLUMNS = ['course_id', 'assignment_key', 'deadline_day', 'open_count'];

  async function snapshot(): Promise<string> {
    const nodes = ['', '36', '36.74', '12', '12.71', units.a, units.b, units.c];
    const out: unknown[] = [];
    for (const node of nodes) {
      out.push(await nodeRows('mon_course_node', node, COURSE_COLUMNS));
      out.push(await nodeRows('mon_course_deadline_node', node, DEADLINE_COLUMNS));
    }
    return JSON.stringify(out);
  }

  it('counts requested, active, completed and open per deadline day at every level, as the enrolment table does', async () => {
    const selfCourse = await givenPublishedCourse(t, instructor.auth, { title: 'Etika ASN' });
    const approvalCourse = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'approval' });
    const assignedCourse = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'assigned' });
    courseIds.push(selfCourse.courseId, approvalCourse.courseId, assignedCourse.courseId);

    const inA = await Promise.all([1, 2, 3].map(() => givenUser(t, { unitId: units.a })));
    const inB = await Promise.all([1, 2].map(() => givenUser(t, { unitId: units.b })));
    const inC = await Promise.all([1, 2].map(() => givenUser(t, { unitId: units.c })));
    const nowhere = await givenUser(t);

    // Self-enrolment: three in A (one completes), one in B, one in C, one without a unit.
    for (const who of [...inA, inB[0], inC[0], nowhere]) await enrol(who, selfCourse.courseId);
    await complete(inA[0], selfCourse);
    await complete(inC[0], selfCourse);

    // Requests: A's approved, C's rejected, B's waiting; a rejected learner asks again and waits.
    const requestA = (await enrol(inA[1], approvalCourse.courseId)).id as string;
    const requestC = (await enrol(inC[1], approvalCourse.courseId)).id as string;
    await enrol(inB[1], approvalCourse.courseId);
    ok(await asUser(t, admin).post(`/api/learning/enrolment-requests/${requestA}/approval`));
    ok(await asUser(t, admin).post(`/api/learning/enrolment-requests/${requestC}/rejection`));
    await t.drain();
    const rejectedOnly = await t.dataSource.getRepository(MonCourseLeaf).findOneBy({
      courseId: approvalCourse.courseId,
      unitKey: units.c,
    });
    expect(rejectedOnly).toBeNull();

    // Assignments with a deadline: everyone in unit A (the instructor too), then everyone in Kota Medan (12.71).
    const first = ok(
      await asUser(t, admin).post('/api/learning/assignments', {
        courseId: assignedCourse.courseId,
        filter: { unitId: units.a },
        deadline: '2026-04-30',
      }),
    );
    const second = ok(
      await asUser(t, admin).post('/api/learning/assignments', {
        courseId: assignedCourse.courseId,
        filter: { regionCode: '12.71' },
        deadline: '2026-05-15',
      }),
    );
    await t.drain();
    await complete(inA[2], assignedCourse);
    await complete(inC[1], assignedCourse);
    await t.drain();

    // Past the first deadline: the still-open enrolments of that day are overdue (day < today).
    now = new Date('2026-05-02T03:00:00Z');
    await t.drain();

    for (const node of ['', '36', '36.74', '12', '12.71', units.a, units.b, units.c]) {
      expect({ node, rows: await nodeRows('mon_course_node', node, COURSE_COLUMNS) }).toEqual({
        node,
        rows: await expectedCourseRows(node),
      });
      expect({ node, rows: await nodeRows('mon_course_deadline_node', node, DEADLINE_COLUMNS) }).toEqual({
        node,
        rows: await expectedDeadlineRows(node),
      });
    }

    // What a dashboard shows, by hand: the nation and Kota Tangerang Selatan.
    const nation = await nodeRows('mon_course_node', '', COURSE_COLUMNS);
    expect(nation).toEqual(
      expect.arrayContaining([
        { course_id: selfCourse.courseId, assignment_key: '', requested: 0, active: 4, completed: 2 },
        { course_id: approvalCourse.courseId, assignment_key: '', requested: 1, active: 1, completed: 0 },
        {
          course_id: assignedCourse.courseId,
          assignment_key: first.id as string,
          requested: 0,
          active: 3,
          completed: 1,
        },
        {
          course_id: assignedCourse.courseId,
          assignment_key: second.id as string,
          requested: 0,
          active: 1,
          completed: 1,
        },
      ]),
    );
    const kota = await nodeRows('mon_course_deadline_node', '36.74', DEADLINE_COLUMNS);
    expect(kota).toEqual([
      {
        course_id: assignedCourse.courseId,
        assignment_key: first.id as string,
        deadline_day: '2026-04-30',
        open_count: 3,
      },
    ]);
    const today = new Date(now.getTime() + WIB).toISOString().slice(0, 10);
    expect(kota.filter((r) => String(r.deadline_day) < today).reduce((s, r) => s + Number(r.open_count), 0)).toBe(3);
  });

  it('changes nothing when every refresh is replayed, nor when everything is rebuilt from the sources', async () => {
    const before = await snapshot();
    expect(before).not.toBe(JSON.stringify(Array(16).fill([])));
    const leaves = await t.dataSource.getRepository(MonCourseLeaf).find();
    for (const { courseId, assignmentKey, unitKey } of leaves)
      await t.get(LeafRefresher).refresh(t.get(CourseLeaves), { courseId, assignmentKey, unitKey });
    expect(await snapshot()).toBe(before);
    await t.get(RollupRebuilder).run(null);
    expect(await snapshot()).toBe(before);
    expect(await t.dataSource.getRepository(MonCourseLeaf).count()).toBe(leaves.length);
  });
});
