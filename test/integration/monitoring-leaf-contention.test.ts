import { DataSource } from 'typeorm';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  TestApp,
  usesMysql,
} from '../../libs/testing';
import { LEAF_KINDS, LeafKindMap } from '../../src/modules/monitoring/rollups/leaf-kinds';
import { LeafRefresher } from '../../src/modules/monitoring/rollups/leaf-refresher';

/**
 * At an exam's end every grade refreshes the course's leaf, many at once. On MySQL those
 * refreshes must wait for each other on the leaf's lock, not deadlock over it (a deadlock
 * is retried, but a job that loses five in a row fails and leaves the dashboard behind).
 */
(usesMysql() ? describe : describe.skip)('refreshes of one leaf at the same moment (MySQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
  });
  afterAll(() => t.close());

  const deadlocks = async (db: DataSource) =>
    Number(((await db.query(`SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'`)) as Array<{ Value: string }>)[0].Value);

  it('queue on the leaf instead of deadlocking', async () => {
    const unitId = (await givenUnit(t, '75.71')).id;
    const instructor = await givenUser(t, { role: 'instructor', unitId });
    const course = await givenPublishedCourse(t, instructor.auth);
    const learner = await givenUser(t, { unitId });
    await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    await t.drain();
    const kind = t.app.get<LeafKindMap>(LEAF_KINDS).course;
    const refresher = t.get(LeafRefresher);
    const key = { courseId: course.courseId, assignmentKey: '', unitKey: '' };
    await refresher.refresh(kind, key);

    const before = await deadlocks(t.dataSource);
    await Promise.all(Array.from({ length: 12 }, () => refresher.refresh(kind, key)));
    expect((await deadlocks(t.dataSource)) - before).toBe(0);
  });
});
