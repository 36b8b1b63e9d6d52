import {
  asUser,
  createTestApp,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  okBody,
  SAMPLE_QUESTIONS,
  TestApp,
} from '../../libs/testing';
import { QUIZ_BEING_FIXED } from '../../src/modules/assessment/attempts/attempts.service';

/** One rule for a retired question in a fixed slot, whatever else the quiz draws: not served, the start refused. */
describe('assessment: a quiz whose fixed question was retired', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '12.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);
  const extra = [
    { type: 'true_false' as const, stem: 'SKP dinilai setiap tahun.', correct: true },
    { type: 'true_false' as const, stem: 'JP adalah jam pelajaran.', correct: true },
  ];

  it.each([
    ['fixed slots only', (ids: string[]) => ids.slice(0, 3).map((questionId) => ({ questionId }))],
    [
      'fixed slots beside a draw',
      (ids: string[]) =>
        [{ questionId: ids[0] }, { questionId: ids[1] }, { count: 2 }] as Array<Record<string, unknown>>,
    ],
  ])('with %s: the learner is told it is being fixed, the instructor sees the slot', async (_, slotsOf) => {
    const course = await givenQuizCourse(t, instructor.auth, { questions: [...SAMPLE_QUESTIONS, ...extra] });
    const quizUrl = `/api/assessment/courses/${course.courseId}/quizzes/${course.quizId}`;
    okBody(
      await as(instructor).put(quizUrl, {
        title: 'Kuis Akhir',
        slots: slotsOf(course.questionIds),
        shuffleOptions: false,
        passPercent: 60,
      }),
      'quiz slots',
    );
    expect(okBody(await as(instructor).get(quizUrl), 'quiz').problems).toEqual([]);
    const learner = await givenUser(t, { unitId });
    okBody(await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`), 'enrol');

    const retired = await as(instructor).del(
      `/api/assessment/courses/${course.courseId}/questions/${course.questionIds[1]}`,
    );
    expect(retired.status).toBe(204);

    const start = await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`);
    expect(start.status).toBe(422);
    expect(start.body).toMatchObject({ code: 'ASSESSMENT.NOT_ENOUGH_QUESTIONS', message: QUIZ_BEING_FIXED });
    const quiz = okBody(await as(instructor).get(quizUrl), 'quiz');
    expect(quiz.problems).toEqual([expect.objectContaining({ slot: 2, rule: 'withdrawn' })]);
    const list = okBody(await as(instructor).get(`/api/assessment/courses/${course.courseId}/quizzes`), 'quizzes');
    expect((list as unknown as Array<{ problems: unknown[] }>)[0].problems).toHaveLength(1);

    // The instructor takes the slot out: learners can start again, with every question the intro counts.
    okBody(
      await as(instructor).put(quizUrl, {
        title: 'Kuis Akhir',
        slots: slotsOf(course.questionIds).filter((s) => s.questionId !== course.questionIds[1]),
        shuffleOptions: false,
        passPercent: 60,
      }),
      'fixed quiz',
    );
    const intro = okBody(await as(learner).get(`/api/assessment/quizzes/${course.quizId}`), 'intro');
    const started = okBody(await as(learner).post(`/api/assessment/quizzes/${course.quizId}/attempts`), 'start');
    expect((started.questions as unknown[]).length).toBe(intro.questionCount);
  });
});
