import { newId } from '../../libs/common';
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
import { CourseEvaluation } from '../../src/modules/development-plans/evaluation/entities';
import { EvaluationQueries } from '../../src/modules/development-plans/evaluation/results/evaluation-queries';

/** The course lists keep the most answered courses; here two stand for the 500 of the real limit. */
const LIMIT = 2;

/**
 * Two busy Medan courses and one quiet Tangerang Selatan course: the quiet one is outside the
 * two most answered nationwide, yet it is all its instructor and its region's admin have.
 */
describe('evaluation results: the reader’s courses before the most answered', () => {
  let t: TestApp;
  let medanInstructor: GivenUser;
  let tangselInstructor: GivenUser;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let national: GivenUser;
  const courses: Record<'busy' | 'busier' | 'quiet', { courseId: string; versionId: string }> = {} as never;

  async function givenAnswers(course: { courseId: string; versionId: string }, answered: number) {
    const at = new Date('2026-03-02T03:00:00Z');
    const rows: CourseEvaluation[] = Array.from({ length: answered }, () => ({
      id: newId(),
      enrolmentId: newId(),
      userId: newId(),
      courseId: course.courseId,
      versionId: course.versionId,
      completedAt: at,
      requestedAt: at,
      answeredAt: at,
      material: 4,
      delivery: 4,
      usefulness: 4,
      comment: null,
      unitId: null,
      answerYear: 2026,
    }));
    await t.dataSource.getRepository(CourseEvaluation).insert(rows);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const medanUnit = await givenUnit(t, '12.71', 'training_unit');
    const tangselUnit = await givenUnit(t, '36.74', 'training_unit');
    medanInstructor = await givenUser(t, { role: 'instructor', unitId: medanUnit.id });
    tangselInstructor = await givenUser(t, { role: 'instructor', unitId: tangselUnit.id });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnit.id });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId: tangselUnit.id });
    national = await givenUser(t, { role: 'national_admin' });
    courses.busier = await givenPublishedCourse(t, medanInstructor.auth, { title: 'Arsip Digital' });
    courses.busy = await givenPublishedCourse(t, medanInstructor.auth, { title: 'Layanan Terpadu' });
    courses.quiet = await givenPublishedCourse(t, tangselInstructor.auth, { title: 'Etika Pelayanan' });
    await givenAnswers(courses.busier, 3);
    await givenAnswers(courses.busy, 2);
    await givenAnswers(courses.quiet, 1);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    const queries = t.get(EvaluationQueries);
    const courses = queries.courses.bind(queries);
    jest.spyOn(queries, 'courses').mockImplementation((_limit, keep) => courses(LIMIT, keep));
  });
  afterEach(() => jest.restoreAllMocks());

  const listed = async (who: GivenUser) => {
    const res = await asUser(t, who).get('/api/evaluation/courses');
    expect(res.status).toBe(200);
    return res.body.map((c: { title: string; answered: number }) => [c.title, c.answered]);
  };

  it('lists a region’s and an instructor’s quiet course, not only the busiest ones in the country', async () => {
    expect(await listed(tangselAdmin)).toEqual([['Etika Pelayanan', 1]]);
    expect(await listed(tangselInstructor)).toEqual([['Etika Pelayanan', 1]]);
    expect(await listed(medanAdmin)).toEqual([
      ['Arsip Digital', 3],
      ['Layanan Terpadu', 2],
    ]);
    expect(await listed(national)).toEqual([
      ['Arsip Digital', 3],
      ['Layanan Terpadu', 2],
    ]);
  });

  it('reports an instructor’s quiet course to them and to their region’s admin', async () => {
    const url = `/api/evaluation/instructors/${tangselInstructor.user.id}/results`;
    for (const reader of [tangselInstructor, tangselAdmin]) {
      const res = await asUser(t, reader).get(url);
      expect(res.status).toBe(200);
      expect(res.body.courses.map((c: { title: string }) => c.title)).toEqual(['Etika Pelayanan']);
      expect([res.body.reaction.requested, res.body.reaction.answered]).toEqual([1, 1]);
    }
    expect((await asUser(t, medanAdmin).get(url)).status).toBe(404);
  });
});
