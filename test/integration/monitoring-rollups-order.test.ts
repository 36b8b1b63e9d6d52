import fc from 'fast-check';
import { newId } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { PlansService } from '../../src/modules/development-plans/plans/plans.service';
import { LearningApi } from '../../src/modules/learning/learning.api';
import { RefreshJob } from '../../src/modules/monitoring/jobs/refresh.job';
import { LeafKeys, LeafName } from '../../src/modules/monitoring/rollups/leaf-kinds';
import { MonitoringSignals } from '../../src/modules/monitoring/rollups/monitoring-signals';
import { NODE_TABLES, NODE_TABLE_NAMES } from '../../src/modules/monitoring/rollups/node-tables';
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';
import { givenAsn, givenPosition } from '../e2e/needs-analysis.fixtures';

const RUNS = 12;
const STEPS = 14;

/** What can happen to the people of a small world, through the modules that own it. */
type Op =
  | { op: 'enrol'; person: number; course: number }
  | { op: 'complete'; person: number; course: number }
  | { op: 'credit'; person: number; tenths: number; month: number }
  | { op: 'move'; person: number; unit: number }
  | { op: 'position'; person: number; position: number }
  | { op: 'golongan'; person: number; golongan: string }
  | { op: 'plan'; person: number }
  /** Run some of the queued refreshes now, in a random order, some twice, some side by side. */
  | { op: 'flush'; picks: number[]; together: boolean };

const PEOPLE = 4;
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('enrol' as const), person: fc.nat(PEOPLE - 1), course: fc.nat(1) }),
  fc.record({ op: fc.constant('complete' as const), person: fc.nat(PEOPLE - 1), course: fc.nat(1) }),
  fc.record({
    op: fc.constant('credit' as const),
    person: fc.nat(PEOPLE - 1),
    tenths: fc.integer({ min: 5, max: 120 }),
    month: fc.integer({ min: 0, max: 11 }),
  }),
  fc.record({ op: fc.constant('move' as const), person: fc.nat(PEOPLE - 1), unit: fc.nat(2) }),
  fc.record({ op: fc.constant('position' as const), person: fc.nat(PEOPLE - 1), position: fc.nat(1) }),
  fc.record({
    op: fc.constant('golongan' as const),
    person: fc.nat(PEOPLE - 1),
    golongan: fc.constantFrom('III/a', 'III/b', 'IV/a'),
  }),
  fc.record({ op: fc.constant('plan' as const), person: fc.nat(PEOPLE - 1) }),
  fc.record({
    op: fc.constant('flush' as const),
    picks: fc.array(fc.nat(50), { maxLength: 6 }),
    together: fc.boolean(),
  }),
);

type Queued = { leaf: LeafName; key: LeafKeys[LeafName] };

/**
 * The rollups kept by increments equal the rebuild from the sources, whatever happened and
 * in whatever order (and how often) the refreshes ran: enrolments, completions, credits, plans,
 * people moving unit, changing position or golongan, with refreshes that run before later
 * changes, twice, or side by side.
 */
describe('monitoring rollups: increments equal the rebuild (property)', () => {
  let t: TestApp;
  let units: string[];
  let positions: string[];
  let courses: Array<{ courseId: string; lessonIds: string[] }>;
  let admin: GivenUser;
  let year: number;
  const queued: Queued[] = [];

  beforeAll(async () => {
    // Each run signs in fresh people: more sign-ins from one address than the default allows.
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    await givenRegions(t);
    units = [(await givenUnit(t, '36.74')).id, (await givenUnit(t, '36.74')).id, (await givenUnit(t, '12.71')).id];
    positions = [await givenPosition(t, { 'M.05': 3, 'M.01': 2 }), await givenPosition(t, { 'M.05': 2 })];
    admin = await givenUser(t, { role: 'national_admin' });
    const instructor = await givenUser(t, { role: 'instructor', unitId: units[0] });
    courses = [
      await givenPublishedCourse(t, instructor.auth, { jp: 2.5, competencies: [{ code: 'M.05', level: 3 }] }),
      await givenPublishedCourse(t, instructor.auth, { jp: 4, competencies: [{ code: 'M.01', level: 2 }] }),
    ];
    year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
    // Refreshes are held back here and run by the test, in the order it picks.
    jest
      .spyOn(t.get(MonitoringSignals), 'refresh')
      .mockImplementation(async (_m, leaf, keys) => void queued.push(...keys.map((key) => ({ leaf, key }))));
  }, 120_000);
  afterAll(() => t.close());

  const editPerson = (id: string, change: Record<string, string>) =>
    t.http().patch(`/api/users/${id}`).set('Authorization', admin.auth).send(change).expect(200);

  async function runQueued(picks: number[], together: boolean): Promise<void> {
    const chosen = picks.filter((i) => i < queued.length).map((i) => queued[i]);
    const job = t.get(RefreshJob);
    const run = (q: Queued) => job.handle({ leaf: q.leaf, keys: [q.key] } as never);
    if (together) {
      await Promise.all(chosen.map(run));
      return;
    }
    // One after another, consecutive keys of a kind in one job (one transaction), as signals batch them.
    for (let i = 0; i < chosen.length;) {
      let end = i + 1;
      while (end < chosen.length && chosen[end].leaf === chosen[i].leaf) end++;
      await job.handle({ leaf: chosen[i].leaf, keys: chosen.slice(i, end).map((q) => q.key) } as never);
      i = end;
    }
  }

  async function nodeRows(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const name of NODE_TABLE_NAMES) {
      const counters = NODE_TABLES[name].counters;
      const rows: Array<Record<string, unknown>> = await t.dataSource.query(`SELECT * FROM ${name}`);
      out[name] = rows
        .filter((r) => counters.some((c) => Number(r[c]) !== 0))
        .map((r) =>
          Object.keys(r)
            .sort()
            .map((k) => `${k}=${counters.includes(k as never) ? Number(r[k]) : r[k]}`)
            .join(' '),
        )
        .sort();
    }
    return out;
  }

  it('holds for random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: STEPS }), async (ops) => {
        queued.length = 0;
        const people = [];
        for (let i = 0; i < PEOPLE; i++) people.push(await givenAsn(t, units[i % 2], positions[i % 2]));
        for (const o of ops) {
          const p = people[o.op === 'flush' ? 0 : o.person];
          if (o.op === 'enrol') {
            await asUser(t, p).post(`/api/learning/courses/${courses[o.course].courseId}/enrolment`);
          } else if (o.op === 'complete') {
            const c = courses[o.course];
            await asUser(t, p).post(`/api/learning/courses/${c.courseId}/enrolment`);
            for (const lesson of c.lessonIds)
              await asUser(t, p).post(`/api/learning/courses/${c.courseId}/lessons/${lesson}/completion`);
          } else if (o.op === 'credit') {
            await t.get(TransactionRunner).run((m) =>
              t.get(LearningApi).recordCredit(m, {
                userId: p.user.id,
                source: 'external',
                sourceId: newId(),
                title: 'Kegiatan luar',
                year,
                jpTenths: o.tenths,
                earnedAt: new Date(Date.UTC(year, o.month, 10, 3)),
                competencies: [{ code: 'M.01', level: 2 }],
              }),
            );
          } else if (o.op === 'move') {
            await editPerson(p.user.id, { unitId: units[o.unit] });
          } else if (o.op === 'position') {
            await editPerson(p.user.id, { positionId: positions[o.position] });
          } else if (o.op === 'golongan') {
            await editPerson(p.user.id, { golongan: o.golongan });
          } else if (o.op === 'plan') {
            await t.get(PlansService).open({ id: p.user.id, role: 'learner', scopeRegionCode: null, locale: 'id' });
          } else {
            await runQueued(o.picks, o.together);
          }
          // Other modules' jobs (completion fan-out, plans, ...) run; monitoring's stay queued.
          await t.drain();
        }
        // Everything queued runs at last, in reverse, and a few twice.
        await runQueued(
          queued.map((_, i) => queued.length - 1 - i),
          false,
        );
        await runQueued([0, 1, 2], true);

        const incremental = await nodeRows();
        await t.get(RollupRebuilder).run(null);
        expect(incremental).toEqual(await nodeRows());
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
