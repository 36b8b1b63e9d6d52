import { Clock } from '../../libs/common';
import { isMysqlFamily } from '../../libs/database';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  okBody,
  TestApp,
} from '../../libs/testing';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { RefreshJob } from '../../src/modules/monitoring/jobs/refresh.job';
import { MonitoringDailyJob } from '../../src/modules/monitoring/jobs/daily.job';
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';
import { addTo, nodeRows, nodesOf, ofNodes } from './monitoring-people.fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const wib = (day: string, clock = '10:00') => new Date(`${day}T${clock}:00+07:00`);
const JP_COUNTERS = ['people', 'jp_0', 'jp_1_9', 'jp_10_19', 'jp_20_plus', 'met_target', 'jp_tenths'];
const TARGET_TENTHS = 200; // the default PNS target: 20 JP a year

/**
 * JP rollups end to end: credits from a completed course, a verified external activity and a
 * confirmed mentoring session move the people's JP leaves and every node above them; the node
 * rows always equal a count straight from user_account and jp_ledger_entry, through moves,
 * deactivation, the turn of the year, replays and a full rebuild.
 */
describe('monitoring: JP attainment rollups equal the ledger, per node', () => {
  let t: TestApp;
  let now: Date;
  let instructor: GivenUser;
  let tangselAdmin: GivenUser;
  let national: GivenUser;
  let unitA: string;
  let unitB: string;
  let medanUnit: string;
  const people: Record<string, GivenUser> = {};

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    now = wib('2026-06-15');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    await givenRegions(t);
    unitA = (await givenUnit(t, '36.74')).id;
    unitB = (await givenUnit(t, '36.74')).id;
    medanUnit = (await givenUnit(t, '12.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId: unitA });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unitA });
    national = await givenUser(t, { role: 'national_admin' });
    for (const [key, unitId] of [
      ['course', unitA],
      ['mentee', unitA],
      ['mentor', unitA],
      ['mover', unitB],
      ['medan', medanUnit],
    ] as const)
      people[key] = await givenUser(t, { unitId });
    // A staff account without an employee type never counts.
    await t.get(IdentityApi).provisionAccount({
      name: 'Staf Tanpa Jenis Pegawai',
      role: 'learner',
      password: 'Kata-Sandi-Uji-2026',
      email: 'staf.monitoring@uji.bina.id',
      unitId: unitA,
    });
    await t.drain();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const as = (who: GivenUser) => asUser(t, who);
  const nodes = () => ['', '36', '36.74', '12', '12.71', unitA, unitB, medanUnit];

  const completeCourse = async (who: GivenUser, jp: number) => {
    const course = await givenPublishedCourse(t, instructor.auth, { jp });
    okBody(await as(who).post(`/api/learning/courses/${course.courseId}/enrolment`), 'enrol');
    for (const id of course.lessonIds) {
      okBody(await as(who).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`), 'complete');
    }
  };

  /** What the JP nodes must say for a year, counted from the source tables (PNS measured against `pnsTarget`). */
  const expectedJp = async (year: number, pnsTarget = TARGET_TENTHS) => {
    const persons: Array<Record<string, string | number | null>> = await t.dataSource.query(
      `SELECT u.id, u.region_code, u.unit_id, u.employee_type, u.golongan, u.created_at FROM user_account u
       WHERE u.employee_type IS NOT NULL AND u.active = ?`,
      [true],
    );
    const credits: Array<{ user_id: string; jp_tenths: number; earned_at: string | Date }> = await t.dataSource.query(
      'SELECT user_id, jp_tenths, earned_at FROM jp_ledger_entry WHERE year = ?',
      [year],
    );
    const jp: Record<string, Record<string, number>> = {};
    const months: Record<string, Record<string, number>> = {};
    for (const p of persons) {
      const own = credits
        .filter((c) => c.user_id === p.id)
        .map((c) => ({ tenths: Number(c.jp_tenths), at: new Date(c.earned_at) }))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      const total = own.reduce((s, c) => s + c.tenths, 0);
      // An ASN counts from the year (WIB) their account was created, or in a year they have credits.
      const created = p.created_at as unknown as string | Date;
      const createdUtc =
        typeof created === 'string' && !/[zZ]$/.test(created) ? `${created.replace(' ', 'T')}Z` : created;
      const createdYear = new Date(new Date(createdUtc).getTime() + 7 * 3600_000).getUTCFullYear();
      if (createdYear > year && own.length === 0) continue;
      const target = p.employee_type === 'PNS' ? pnsTarget : TARGET_TENTHS;
      const whole = Math.floor(total / 10);
      const bucket = whole === 0 ? 'jp_0' : whole < 10 ? 'jp_1_9' : whole < 20 ? 'jp_10_19' : 'jp_20_plus';
      let running = 0;
      let month: number | null = null;
      for (const c of own) {
        running += c.tenths;
        if (month === null && running >= target) month = new Date(c.at.getTime() + 7 * 3600_000).getUTCMonth() + 1;
      }
      for (const node of nodesOf(p.region_code as string | null, p.unit_id as string | null)) {
        const counters = { people: 1, [bucket]: 1, met_target: total >= target ? 1 : 0, jp_tenths: total };
        addTo(jp, `${node}|${year}|${p.employee_type}|${p.golongan ?? ''}`, counters, JP_COUNTERS);
        if (month !== null) addTo(months, `${node}|${year}|${month}`, { attained: 1 }, ['attained']);
      }
    }
    return { jp, months };
  };

  const actualJp = async (year: number) => {
    const of = (rows: Record<string, Record<string, number>>) =>
      Object.fromEntries(Object.entries(rows).filter(([k]) => k.split('|')[1] === String(year)));
    return {
      jp: of(await nodeRows(t.dataSource, 'mon_jp_node', ['year', 'employee_type', 'golongan'], JP_COUNTERS)),
      months: of(await nodeRows(t.dataSource, 'mon_jp_month_node', ['year', 'month'], ['attained'])),
    };
  };

  const expectNodesToMatchLedger = async (year: number, pnsTarget = TARGET_TENTHS) => {
    const [actual, expected] = [await actualJp(year), await expectedJp(year, pnsTarget)];
    expect(ofNodes(actual.jp, nodes())).toEqual(ofNodes(expected.jp, nodes()));
    expect(actual.jp).toEqual(expected.jp);
    expect(actual.months).toEqual(expected.months);
    return actual;
  };

  const peopleAt = async (node: string, year = 2026) =>
    Object.entries((await actualJp(year)).jp)
      .filter(([k]) => k.split('|')[0] === node)
      .reduce((s, [, v]) => s + v.people, 0);

  it('counts every ASN at 0 JP as soon as they exist', async () => {
    const actual = await expectNodesToMatchLedger(2026);
    // 5 learners + instructor + unit admin + national admin (all PNS III/a); not the staff account.
    expect(actual.jp['|2026|PNS|III/a']).toMatchObject({ people: 8, jp_0: 8, met_target: 0, jp_tenths: 0 });
    expect(await peopleAt(unitA)).toBe(5);
    expect(await peopleAt('12')).toBe(1);
  });

  it('moves the nodes with a completed course, a verified external activity and a mentoring session', async () => {
    await completeCourse(people.course, 12);
    await t.drain();
    const record = await t
      .http()
      .post('/api/learning/external-activities')
      .set('authorization', people.course.auth)
      .field('formCode', 'seminar')
      .field('title', 'Seminar Nasional Pelayanan Publik')
      .field('organiser', 'LAN RI')
      .field('startDate', '2026-05-05')
      .field('endDate', '2026-05-06')
      .field('days', '2')
      .field('international', 'true')
      .attach('file', PDF, { filename: 'sertifikat.pdf', contentType: 'application/pdf' });
    expect(record.status).toBe(201);
    okBody(await as(tangselAdmin).post(`/api/learning/external-activities/${record.body.id}/verification`), 'verify');
    const pairing = okBody(
      await as(tangselAdmin).post('/api/mentoring/pairings', {
        mentorNip: people.mentor.user.nipDisplay,
        menteeNips: [people.mentee.user.nipDisplay],
        competencyCode: 'M.06',
      }),
      'pair',
    ) as { pairings: Array<{ id: string }> };
    const session = okBody(
      await as(people.mentor).post(`/api/mentoring/pairings/${pairing.pairings[0].id}/sessions`, {
        heldOn: '2026-06-15',
        topic: 'Menyusun rencana kerja tim',
        minutes: 90,
      }),
      'log session',
    );
    okBody(await as(people.mentee).post(`/api/mentoring/sessions/${session.id}/confirmation`), 'confirm');
    await t.drain();

    const actual = await expectNodesToMatchLedger(2026);
    // 12 JP dated 6 May (the activity's end) + 12 JP on 15 June: the target of 20 was reached in June.
    expect(actual.months[`${unitA}|2026|6`]).toEqual({ attained: 1 });
    expect(actual.jp[`${unitA}|2026|PNS|III/a`]).toMatchObject({
      people: 5,
      jp_20_plus: 1,
      jp_1_9: 1,
      met_target: 1,
      jp_tenths: 240 + 20,
    });
  });

  it('counts a course finished at 23:30 WIB on 31 December in that year, as the ledger does', async () => {
    now = wib('2026-12-31', '23:30');
    await completeCourse(people.medan, 15);
    await t.drain();
    const [entry] = await t.dataSource.query('SELECT year FROM jp_ledger_entry WHERE user_id = ?', [
      people.medan.user.id,
    ]);
    expect(Number(entry.year)).toBe(2026);
    const actual = await expectNodesToMatchLedger(2026);
    expect(actual.jp[`12.71|2026|PNS|III/a`]).toMatchObject({ people: 1, jp_10_19: 1, jp_tenths: 150 });
    // Nothing of 2027 yet: no credit, no leaf, no node row.
    expect(await actualJp(2027)).toEqual({ jp: {}, months: {} });
  });

  it('starts the new year with every ASN at 0 JP (daily job), keeping last year as it was', async () => {
    now = wib('2027-01-01', '00:30');
    const before2026 = await actualJp(2026);
    await t.get(MonitoringDailyJob).handle({ day: '2027-01-01' });
    await t.drain();
    const actual = await expectNodesToMatchLedger(2027);
    expect(actual.jp['|2027|PNS|III/a']).toMatchObject({ people: 8, jp_0: 8, jp_tenths: 0 });
    expect(await actualJp(2026)).toEqual(before2026);
    // A second run the same day (or the next) changes nothing.
    await t.get(MonitoringDailyJob).handle({ day: '2027-01-02' });
    await t.drain();
    expect(await actualJp(2027)).toEqual(actual);
  });

  it('moves a person out of the old subtree into the new one, in every year', async () => {
    const mover = people.mover.user.id;
    await completeCourse(people.mover, 3);
    await t.drain();
    expect(await peopleAt(unitB, 2027)).toBe(1);
    okBody(
      await t.http().patch(`/api/users/${mover}`).set('authorization', national.auth).send({ unitId: medanUnit }),
      'move',
    );
    await t.drain();
    for (const year of [2026, 2027]) {
      await expectNodesToMatchLedger(year);
      expect(await peopleAt(unitB, year)).toBe(0);
      expect(await peopleAt(medanUnit, year)).toBe(2);
    }
    expect(await peopleAt('36.74', 2027)).toBe(5);
  });

  it('drops a deactivated person from every node', async () => {
    okBody(
      await t
        .http()
        .patch(`/api/users/${people.mentee.user.id}`)
        .set('authorization', national.auth)
        .send({ active: false }),
      'deactivate',
    );
    await t.drain();
    for (const year of [2026, 2027]) await expectNodesToMatchLedger(year);
    expect(await peopleAt(unitA, 2026)).toBe(4);
    expect(await peopleAt('', 2026)).toBe(7);
  });

  it('counts a reactivated person again in every year, their past years included', async () => {
    okBody(
      await t
        .http()
        .patch(`/api/users/${people.mentee.user.id}`)
        .set('authorization', national.auth)
        .send({ active: true }),
      'reactivate',
    );
    await t.drain();
    for (const year of [2026, 2027]) await expectNodesToMatchLedger(year);
    expect(await peopleAt(unitA, 2026)).toBe(5);
  });

  it('recounts who met the target when the national admin changes it, with no rebuild', async () => {
    // Early 2027 (the clock of the tests before). At 15 JP: short of the target of 20, past one of 12.
    const fifteen = await givenUser(t, { unitId: unitB });
    await completeCourse(fifteen, 15);
    await t.drain();
    await expectNodesToMatchLedger(2027);
    const metAtNation = async () =>
      Object.entries((await actualJp(2027)).jp)
        .filter(([k]) => k.split('|')[0] === '')
        .reduce((s, [, v]) => s + v.met_target, 0);
    const metBefore = await metAtNation();
    const setPnsTarget = async (targetJp: number) =>
      okBody(
        await as(national).put('/api/learning/settings', { targets: [{ employeeType: 'PNS', year: 2027, targetJp }] }),
        'settings',
      );

    await setPnsTarget(12);
    await t.drain();
    await expectNodesToMatchLedger(2027, 120);
    expect(await metAtNation()).toBeGreaterThan(metBefore);

    await setPnsTarget(20);
    await t.drain();
    await expectNodesToMatchLedger(2027);
    expect(await metAtNation()).toBe(metBefore);
  });

  it('changes nothing when the same refreshes run again, in any order', async () => {
    const before = [await actualJp(2026), await actualJp(2027)];
    const keys = Object.values(people).flatMap((p) => [
      { userId: p.user.id, year: 2026 },
      { userId: p.user.id, year: 2027 },
    ]);
    await t.get(RefreshJob).handle({ leaf: 'jp', keys });
    await t.get(RefreshJob).handle({ leaf: 'jp', keys: [...keys].reverse() });
    expect([await actualJp(2026), await actualJp(2027)]).toEqual(before);
  });

  it('rebuilds exactly the rows the increments made', async () => {
    const before = [await actualJp(2026), await actualJp(2027)];
    const query = jest.spyOn(t.dataSource, 'query');
    await t.get(RollupRebuilder).run(null);
    expect([await actualJp(2026), await actualJp(2027)]).toEqual(before);
    // On MariaDB the rewritten tables' statistics are refreshed at once (list plans depend on them).
    const analyzed = query.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.startsWith('ANALYZE TABLE'));
    query.mockRestore();
    if (isMysqlFamily(t.dataSource)) {
      expect(analyzed).toHaveLength(1);
      for (const table of ['mon_jp_person', 'mon_jp_node', 'mon_course_leaf', 'mon_course_node', 'mon_plan_leaf']) {
        expect(analyzed[0]).toMatch(new RegExp(`\\b${table}\\b`));
      }
    } else {
      expect(analyzed).toEqual([]);
    }
    await expectNodesToMatchLedger(2026);
    await expectNodesToMatchLedger(2027);
  });

  it('deletes on rebuild the unit rows that no leaf supports, and keeps the rest', async () => {
    const before = [await actualJp(2026), await actualJp(2027)];
    const stray = (node: string, golongan: string) =>
      t.dataSource.query(
        `INSERT INTO mon_jp_node (year, employee_type, golongan, node, parent, node_kind, people, jp_0, jp_1_9,
           jp_10_19, jp_20_plus, met_target, jp_tenths) VALUES (2026, 'PNS', ?, ?, '36.74', 'U', 3, 3, 0, 0, 0, 0, 0)`,
        [golongan, node],
      );
    // A unit with no one in it, and a golongan no one of unit A holds.
    await stray('00000000-0000-4000-8000-0000000000aa', 'III/a');
    await stray(unitA, 'IV/e');
    const count = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT COUNT(*) AS n FROM mon_jp_node WHERE node = ? OR (node = ? AND golongan = 'IV/e')`,
            ['00000000-0000-4000-8000-0000000000aa', unitA],
          )
        )[0].n,
      );
    expect(await count()).toBe(2);
    // The course node table matches its unit rows one leaf each (a join on the leaf's key,
    // not the distinct keys of the JP leaves): a stray row there goes too, the real ones stay.
    const courseRows = () =>
      t.dataSource.query(
        'SELECT course_id, assignment_key, node, parent, node_kind, requested, active, completed FROM mon_course_node ORDER BY course_id, assignment_key, node',
      );
    const courses = await courseRows();
    expect(courses.filter((r: { node_kind: string }) => r.node_kind === 'U').length).toBeGreaterThan(0);
    await t.dataSource.query(
      `INSERT INTO mon_course_node (course_id, assignment_key, node, parent, node_kind, requested, active, completed)
       VALUES (?, '', ?, '36.74', 'U', 1, 1, 0)`,
      [courses[0].course_id, '00000000-0000-4000-8000-0000000000bb'],
    );
    await t.get(RollupRebuilder).run(null);
    expect(await count()).toBe(0);
    expect(await courseRows()).toEqual(courses);
    expect([await actualJp(2026), await actualJp(2027)]).toEqual(before);
    await expectNodesToMatchLedger(2026);
  });
});
