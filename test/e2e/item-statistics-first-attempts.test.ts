import {
  asUser,
  browserAgent,
  createTestApp,
  givenQuizCourse,
  givenInstructorOfUnit,
  GivenInstructorOfUnit,
  GivenUser,
  okBody,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import { ItemStatisticsService } from '../../src/modules/assessment/grading/item-statistics.service';

/** Item statistics describe each learner once (their first attempt, once graded), so one keen retaker cannot tilt them. */
describe('assessment: item statistics count each learner’s first attempt', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let enrolled: GivenInstructorOfUnit['enrolled'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ instructor, enrolled } = await givenInstructorOfUnit(t));
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);

  it('nine learners wrong once and one right five times: facility 0.1, not 5/14', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [{ type: 'true_false', stem: 'Cuti tahunan PNS 12 hari kerja.', correct: true }],
    });
    const take = async (learner: GivenUser, answer: boolean) => {
      const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
      okBody(
        await as(learner).post(`/api/assessment/attempts/${started.id as string}/submit`, {
          responses: { '0': answer },
        }),
        'submit',
      );
      await t.drain();
    };
    for (let i = 0; i < 9; i++) await take(await enrolled(course.courseId), false);
    const keen = await enrolled(course.courseId);
    for (let i = 0; i < 5; i++) await take(keen, true);

    const stats = okBody(
      await as(instructor).get(`/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/statistics`),
      'statistics',
    );
    expect(stats).toMatchObject({ counted: 'first', attempts: 10 });
    expect((stats.items as unknown[])[0]).toMatchObject({
      attempts: 10,
      facility: 0.1,
      options: { true: 1, false: 9 },
    });
    // Every attempt, on request: the retakes count again.
    const all = await t.get(ItemStatisticsService).of(course.quizId, 'all');
    expect(all).toMatchObject({ counted: 'all', attempts: 14 });
    expect(all.items[0]).toMatchObject({ attempts: 14, facility: 0.3571 });
    // …and through the API by the query, which takes first or all and nothing else.
    const statsUrl = `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}/statistics`;
    expect(okBody(await as(instructor).get(`${statsUrl}?attempts=all`), 'all')).toMatchObject({
      counted: 'all',
      attempts: 14,
    });
    expect(okBody(await as(instructor).get(`${statsUrl}?attempts=first`), 'first')).toMatchObject({
      counted: 'first',
      attempts: 10,
    });
    const refused = await as(instructor).get(`${statsUrl}?attempts=latest`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('COMMON.VALIDATION_FAILED');
    expect(refused.body.details.fields).toEqual([expect.objectContaining({ field: 'attempts', rule: 'isIn' })]);

    // The instructor's page says which attempts it counts, and links to the other way.
    const agent = browserAgent(t);
    await signInThroughPages(agent, instructor.username, instructor.password);
    const page = await agent.get(`/pengajar/kursus/${course.courseId}/kuis/${course.quizId}/statistik`);
    expect(page.text).toContain('10 percobaan yang sudah dinilai · Dihitung: percobaan pertama tiap peserta');
    const link = /<a href="([^"]+)">Hitung semua percobaan<\/a>/.exec(page.text)?.[1];
    expect(link).toBeDefined();
    const every = await agent.get(link!.replace(/&amp;/g, '&'));
    expect(every.text).toContain('14 percobaan yang sudah dinilai · Dihitung: semua percobaan');
    expect(every.text).toContain('Hitung percobaan pertama saja');
  });

  it('counts a learner whose first attempt awaits a mark only once it is marked, never the retake graded first', async () => {
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      questions: [
        { type: 'true_false', stem: 'Cuti tahunan PNS 12 hari kerja.', correct: true },
        { type: 'essay', stem: 'Jelaskan nilai BerAKHLAK.', points: 1, rubric: [{ criterion: 'Isi', points: 1 }] },
      ],
    });
    const take = async (learner: GivenUser, answer: boolean) => {
      const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
      okBody(
        await as(learner).post(`/api/assessment/attempts/${started.id as string}/submit`, {
          responses: { '0': answer, '1': 'Berorientasi pelayanan.' },
        }),
        'submit',
      );
      await t.drain();
      return started.id as string;
    };
    const mark = async (attemptId: string) => {
      okBody(
        await as(instructor).put(`/api/assessment/courses/${course.courseId}/attempts/${attemptId}/slots/1/mark`, {
          points: 1,
          comment: 'Cukup.',
        }),
        'mark',
      );
      await t.drain();
    };
    const steady = await enrolled(course.courseId);
    await mark(await take(steady, false));
    const retaker = await enrolled(course.courseId);
    const first = await take(retaker, false);
    // The retake is marked first: attempt 1 still waits for its essay mark.
    await mark(await take(retaker, true));

    const stats = () => t.get(ItemStatisticsService).of(course.quizId);
    expect(await stats()).toMatchObject({ attempts: 1 });
    expect((await stats()).items[0]).toMatchObject({ attempts: 1, facility: 0 });

    await mark(first);
    expect(await stats()).toMatchObject({ attempts: 2 });
    expect((await stats()).items[0]).toMatchObject({ attempts: 2, facility: 0 });
  });
});
