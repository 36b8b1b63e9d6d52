import { Clock } from '../../libs/common';
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
import { RefreshJob } from '../../src/modules/monitoring/jobs/refresh.job';
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import { addTo, nodeRows, nodesOf } from './monitoring-people.fixtures';

const wib = (day: string, clock = '10:00') => new Date(`${day}T${clock}:00+07:00`);

/**
 * Competency coverage end to end: the standard of a position (set by the national admin),
 * evidence from a completed course and a completed mentoring pairing, moves, deactivation
 * and a changed standard; the node rows always equal a count straight from user_account,
 * position_competency and competency_evidence, and replays and a rebuild change nothing.
 */
describe('monitoring: competency coverage rollups equal the standards and the evidence, per node', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let tangselAdmin: GivenUser;
  let national: GivenUser;
  let unitA: string;
  let unitB: string;
  let medanUnit: string;
  let analyst: string;
  const people: Record<string, GivenUser> = {};

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => wib('2026-06-15'));
    await givenRegions(t);
    unitA = (await givenUnit(t, '36.74')).id;
    unitB = (await givenUnit(t, '36.74')).id;
    medanUnit = (await givenUnit(t, '12.71')).id;
    const org = t.get(OrganisationApi);
    analyst = (await org.ensurePosition({ code: 'JF-MON-ANALIS', name: 'Analis Monitoring', kind: 'functional' })).id;
    const clerk = (await org.ensurePosition({ code: 'JF-MON-PENGADMIN', name: 'Pengadministrasi', kind: 'functional' }))
      .id;
    instructor = await givenUser(t, { role: 'instructor', unitId: unitA });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unitA });
    national = await givenUser(t, { role: 'national_admin' });
    people.course = await givenUser(t, { unitId: unitA, positionId: analyst });
    people.mentee = await givenUser(t, { unitId: unitA, positionId: analyst });
    people.mover = await givenUser(t, { unitId: unitB, positionId: analyst });
    people.mentor = await givenUser(t, { unitId: unitA, positionId: clerk });
    people.medan = await givenUser(t, { unitId: medanUnit });
    await t.drain();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const as = (who: GivenUser) => asUser(t, who);
  const setStandard = async (requirements: Array<{ competencyCode: string; requiredLevel: number }>) => {
    okBody(await as(national).put(`/api/positions/${analyst}/requirements`, { requirements }), 'set standard');
    await t.drain();
  };

  const expected = async () => {
    const rows: Array<Record<string, string | number | null>> = await t.dataSource.query(
      `SELECT u.region_code, u.unit_id, pc.competency_code, pc.required_level,
              (SELECT MAX(e.level) FROM competency_evidence e
               WHERE e.user_id = u.id AND e.competency_code = pc.competency_code) AS best
       FROM user_account u JOIN position_competency pc ON pc.position_id = u.position_id
       WHERE u.employee_type IS NOT NULL AND u.active = ?`,
      [true],
    );
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) {
      const met = Number(r.best ?? 0) >= Number(r.required_level) ? 1 : 0;
      for (const node of nodesOf(r.region_code as string | null, r.unit_id as string | null)) {
        addTo(out, `${node}|${r.competency_code}`, { required: 1, met }, ['required', 'met']);
      }
    }
    return out;
  };
  const actual = () => nodeRows(t.dataSource, 'mon_competency_node', ['competency_code'], ['required', 'met']);
  const expectNodesToMatch = async () => {
    const rows = await actual();
    expect(rows).toEqual(await expected());
    return rows;
  };

  it('counts the holders of a position once its standard is set, none met without evidence', async () => {
    expect(await actual()).toEqual({});
    await setStandard([
      { competencyCode: 'M.05', requiredLevel: 2 },
      { competencyCode: 'M.08', requiredLevel: 3 },
    ]);
    const rows = await expectNodesToMatch();
    expect(rows['|M.05']).toEqual({ required: 3, met: 0 });
    expect(rows[`${unitA}|M.08`]).toEqual({ required: 2, met: 0 });
    expect(rows[`${unitB}|M.08`]).toEqual({ required: 1, met: 0 });
  });

  it('meets a requirement with a completed course and with a mentoring pairing completed at the level', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { competencies: [{ code: 'M.05', level: 2 }] });
    okBody(await as(people.course).post(`/api/learning/courses/${course.courseId}/enrolment`), 'enrol');
    for (const id of course.lessonIds) {
      okBody(
        await as(people.course).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`),
        'lesson',
      );
    }
    const paired = okBody(
      await as(tangselAdmin).post('/api/mentoring/pairings', {
        mentorNip: people.mentor.user.nipDisplay,
        menteeNips: [people.mentee.user.nipDisplay],
        competencyCode: 'M.08',
      }),
      'pair',
    ) as { pairings: Array<{ id: string }> };
    okBody(
      await as(tangselAdmin).post(`/api/mentoring/pairings/${paired.pairings[0].id}/end`, {
        outcome: 'completed',
        achievedLevel: 3,
      }),
      'end pairing',
    );
    await t.drain();
    const rows = await expectNodesToMatch();
    expect(rows[`${unitA}|M.05`]).toEqual({ required: 2, met: 1 });
    expect(rows[`${unitA}|M.08`]).toEqual({ required: 2, met: 1 });
    expect(rows['36|M.05']).toEqual({ required: 3, met: 1 });
  });

  it('measures everyone again when the standard changes', async () => {
    await setStandard([{ competencyCode: 'M.05', requiredLevel: 3 }]);
    const rows = await expectNodesToMatch();
    expect(rows['|M.05']).toEqual({ required: 3, met: 0 });
    expect(rows['|M.08']).toBeUndefined();
    await setStandard([
      { competencyCode: 'M.05', requiredLevel: 2 },
      { competencyCode: 'M.08', requiredLevel: 3 },
    ]);
    expect((await expectNodesToMatch())['|M.05']).toEqual({ required: 3, met: 1 });
  });

  it('moves a person to the new subtree and drops a deactivated one', async () => {
    const patch = (id: string, body: object) =>
      t.http().patch(`/api/users/${id}`).set('authorization', national.auth).send(body);
    okBody(await patch(people.mover.user.id, { unitId: medanUnit }), 'move');
    await t.drain();
    let rows = await expectNodesToMatch();
    expect(rows[`${unitB}|M.05`]).toBeUndefined();
    expect(rows[`${medanUnit}|M.05`]).toEqual({ required: 1, met: 0 });
    expect(rows['36.74|M.05']).toEqual({ required: 2, met: 1 });

    okBody(await patch(people.course.user.id, { active: false }), 'deactivate');
    await t.drain();
    rows = await expectNodesToMatch();
    expect(rows['|M.05']).toEqual({ required: 2, met: 0 });
  });

  it('changes nothing when refreshes are replayed, nor when everything is rebuilt', async () => {
    const before = await actual();
    const keys = Object.values(people).map((p) => ({ userId: p.user.id }));
    await t.get(RefreshJob).handle({ leaf: 'competency', keys });
    await t.get(RefreshJob).handle({ leaf: 'competency', keys: [...keys].reverse() });
    expect(await actual()).toEqual(before);
    await t.get(RollupRebuilder).run(null);
    expect(await actual()).toEqual(before);
    await expectNodesToMatch();
  });
});
