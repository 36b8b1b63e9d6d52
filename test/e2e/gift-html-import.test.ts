import {
  asUser,
  createTestApp,
  csrfOf,
  enrolledLearnerOnPages,
  givenDraftCourse,
  givenInstructorOfUnit,
  GivenUser,
  okBody,
  TestApp,
} from '../../libs/testing';

/** A Moodle bank moved in through GIFT reads as text on the learner's page, not as HTML tags. */
describe('GIFT import of HTML questions, as the learner sees them', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ unitId, instructor } = await givenInstructorOfUnit(t));
  });
  afterAll(() => t.close());

  // What Moodle exports for a question written in its HTML editor (its default).
  const MOODLE_EXPORT = [
    '// question: 0  name: Switch category to $course$/top/Default',
    '$CATEGORY: $course$/top/Default',
    '',
    '// question: 7  name: Q1',
    '::Q1:: [html]<p dir\\="ltr" style\\="text-align\\: left;">Ibu kota <b>Indonesia</b>?<br></p>{',
    '\t=<p>Jakarta</p>',
    '\t~<p>Bandung</p>',
    '}',
    '',
  ].join('\n');

  it('shows the stem and the options as their words', async () => {
    const post = (url: string, body?: object) => asUser(t, instructor).post(url).send(body);
    const { courseId, sectionId } = await givenDraftCourse(t, instructor.auth, { title: 'Kursus Migrasi Moodle' });
    const lesson = okBody(
      await post(`/api/catalog/courses/${courseId}/modules/${sectionId}/lessons`, { title: 'Kuis', kind: 'quiz' }),
      'add quiz lesson',
    );
    const bank = `/api/assessment/courses/${courseId}/questions`;
    const imported = await asUser(t, instructor)
      .post(`${bank}/import`)
      .attach('file', Buffer.from(MOODLE_EXPORT), { filename: 'moodle.gift.txt', contentType: 'text/plain' });
    expect([imported.status, imported.body]).toEqual([201, { imported: 1 }]);
    const items = (await asUser(t, instructor).get(bank)).body.items as Array<Record<string, unknown>>;
    expect(items).toEqual([
      expect.objectContaining({
        stem: 'Ibu kota Indonesia?',
        options: [expect.objectContaining({ text: 'Jakarta' }), expect.objectContaining({ text: 'Bandung' })],
      }),
    ]);
    const quiz = okBody(
      await post(`/api/assessment/courses/${courseId}/quizzes`, {
        title: 'Kuis Migrasi',
        slots: [{ questionId: items[0].id }],
        shuffleOptions: false,
        passPercent: 60,
      }),
      'create quiz',
    );
    okBody(
      await post(`/api/assessment/courses/${courseId}/quizzes/${quiz.id as string}/lesson`, { lessonId: lesson.id }),
      'attach quiz',
    );
    okBody(await post(`/api/catalog/courses/${courseId}/publish`), 'publish');

    const { agent } = await enrolledLearnerOnPages(t, courseId, unitId);
    const intro = await agent.get(`/kuis/${quiz.id as string}`);
    const started = await agent
      .post(`/kuis/${quiz.id as string}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    expect(started.status).toBe(303);
    const page = await agent.get(started.headers.location as string);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p class="stem">Ibu kota Indonesia?</p>');
    const options = [
      ...page.text.matchAll(/<label class="choice"><input type="radio" name="r0"[^>]*> ([^<]*)<\/label>/g),
    ];
    expect(options.map((m) => m[1])).toEqual(['Jakarta', 'Bandung']);
    expect(page.text).not.toMatch(/&lt;(p|b|br)\b|&amp;nbsp;|dir=&quot;ltr/);
  });
});
