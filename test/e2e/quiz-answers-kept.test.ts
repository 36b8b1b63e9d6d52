import {
  asUser,
  browserAgent,
  createTestApp,
  csrfOf,
  enrolledLearnerOnPages,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  SAMPLE_QUESTIONS,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

/**
 * Answers are not lost on the way: a sign-in that ended under the autosave, a form posted
 * after the CSRF cookie was gone, a half-placed ordering question sent with the form.
 */
describe('quiz answers kept', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '75.71')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());

  async function attemptOf(questions = SAMPLE_QUESTIONS) {
    const course = await givenQuizCourse(t, instructor.auth, { questions, quiz: { shuffleQuestions: false } });
    const { learner, agent } = await enrolledLearnerOnPages(t, course.courseId, unitId);
    const intro = await agent.get(`/kuis/${course.quizId}`);
    const started = await agent
      .post(`/kuis/${course.quizId}/mulai`)
      .type('form')
      .send({ _csrf: csrfOf(intro.text) });
    const attemptUrl = started.headers.location as string;
    const page = await agent.get(attemptUrl);
    return { learner, agent, attemptUrl, page };
  }

  it('answers the background autosave of a signed-out browser with 401 JSON, not a redirect to sign in', async () => {
    const { attemptUrl, page } = await attemptOf();
    expect(page.text).toContain(
      'data-session-ended="Sesi Anda berakhir — masuk lagi di tab baru; jawaban Anda disimpan di perangkat ini."',
    );
    // The same browser once the sign-in cookie has expired: only the CSRF cookie is left.
    const signedOut = browserAgent(t);
    const token = csrfOf((await signedOut.get('/masuk')).text);
    const save = await signedOut
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', token)
      .type('form')
      .send({ r1: 'true' });
    expect(save.status).toBe(401);
    expect(save.headers['content-type']).toContain('application/json');
    expect(save.body).toMatchObject({ statusCode: 401, code: 'COMMON.UNAUTHENTICATED' });
    // The plain form still goes to the sign-in page and back.
    const plain = await signedOut.post(`${attemptUrl}/kirim`).type('form').send({ _csrf: token, r1: 'true' });
    expect(plain.status).toBe(303);
    expect(plain.headers.location).toMatch(/^\/masuk\?next=/);
  });

  it('decides "wants JSON" one way for the save and for its errors: a request that also takes HTML gets pages', async () => {
    const { attemptUrl, agent, page } = await attemptOf();
    const token = csrfOf(page.text);
    const both = 'application/json, text/html';
    const save = (who: typeof agent, accept: string) =>
      who
        .post(`${attemptUrl}/simpan`)
        .set('accept', accept)
        .set('x-csrf-token', token)
        .type('form')
        .send({ r1: 'true' });

    const json = await save(agent, 'application/json');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ revision: expect.any(Number) });
    // Signed in, it is the plain form's answer, as it is when signed out (the sign-in page).
    const signedIn = await save(agent, both);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe(`${attemptUrl}?ok=saved`);
    const signedOut = browserAgent(t);
    const outToken = csrfOf((await signedOut.get('/masuk')).text);
    const out = await signedOut
      .post(`${attemptUrl}/simpan`)
      .set('accept', both)
      .set('x-csrf-token', outToken)
      .type('form')
      .send({ r1: 'true' });
    expect(out.status).toBe(303);
    expect(out.headers.location).toMatch(/^\/masuk\?next=/);
  });

  it('shows a page form refused by the CSRF check as the translated error page, and keeps the API JSON', async () => {
    const { agent, attemptUrl } = await attemptOf();
    const stale = await agent.post(`${attemptUrl}/kirim`).type('form').send({ _csrf: 'old-tab-token', r1: 'true' });
    expect(stale.status).toBe(403);
    expect(stale.headers['content-type']).toContain('text/html');
    expect(stale.text).toContain('Formulir ini sudah kedaluwarsa');
    expect(stale.text).not.toContain('COMMON.CSRF_INVALID');
    // A browser that lost the CSRF cookie (a restored tab) posting the sign-in form.
    const restored = await browserAgent(t)
      .post('/masuk')
      .type('form')
      .send({ _csrf: 'x', username: 'a', password: 'b' });
    expect(restored.status).toBe(403);
    expect(restored.text).toContain('Formulir ini sudah kedaluwarsa');
    const english = await browserAgent(t)
      .post('/masuk')
      .set('cookie', 'lang=en')
      .type('form')
      .send({ _csrf: 'x', username: 'a', password: 'b' });
    expect(english.text).toContain('This form has expired');

    const api = await agent.post('/api/learning/courses/x/enrolment').send({});
    expect(api.status).toBe(403);
    expect(api.body).toMatchObject({ code: 'COMMON.CSRF_INVALID' });
  });

  it('gives the CSRF cookie the lifetime of the sign-in, renewed with each page', async () => {
    const agent = browserAgent(t);
    const first = await agent.get('/masuk');
    const set = [first.headers['set-cookie']].flat().join('\n');
    expect(set).toMatch(/bina_csrf=[^;]+;.*Max-Age=28800/);
    const again = await agent.get('/masuk');
    expect([again.headers['set-cookie']].flat().join('\n')).toMatch(/bina_csrf=[^;]+;.*Max-Age=28800/);
  });

  it('signing out clears what the browser kept: the CSRF secret (a new one comes with the next page) and site storage', async () => {
    const { learner, agent, attemptUrl, page } = await attemptOf();
    const old = csrfOf(page.text);
    const out = await agent.post('/keluar').type('form').send({ _csrf: old });
    expect(out.status).toBe(303);
    // The answers a quiz kept in localStorage on a shared computer go too.
    expect(out.headers['clear-site-data']).toBe('"storage"');
    expect([out.headers['set-cookie']].flat().join('\n')).toMatch(/bina_csrf=;.*Expires=Thu, 01 Jan 1970/);

    // Signed in again, the old tab's token is refused: the secret is new.
    await signInThroughPages(agent, learner.username, learner.password);
    const stale = await agent
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', old)
      .type('form')
      .send({ r1: 'true' });
    expect(stale.status).toBe(403);
    expect(stale.body).toMatchObject({ code: 'COMMON.CSRF_INVALID' });
    const fresh = csrfOf((await agent.get(attemptUrl)).text);
    expect(fresh).not.toBe(old);
    const saved = await agent
      .post(`${attemptUrl}/simpan`)
      .set('accept', 'application/json')
      .set('x-csrf-token', fresh)
      .type('form')
      .send({ r1: 'true' });
    expect(saved.status).toBe(200);
  });

  it('brings a half-placed ordering question back as placed, on submit and on a save without script', async () => {
    const { learner, agent, attemptUrl, page } = await attemptOf([
      SAMPLE_QUESTIONS[1],
      { type: 'ordering', stem: 'Urutkan tahap SKP', items: ['Perencanaan', 'Pelaksanaan', 'Pemantauan', 'Penilaian'] },
    ]);
    const items = [...page.text.matchAll(/name="r1\.([^"]+)"/g)].map((m) => m[1]);
    expect(items).toHaveLength(4);
    const token = csrfOf(page.text);
    const half = { [`r1.${items[0]}`]: '2', [`r1.${items[1]}`]: '1', [`r1.${items[2]}`]: '4', [`r1.${items[3]}`]: '' };
    const selected = (html: string, item: string) =>
      new RegExp(`name="r1\\.${item}">(?:(?!</select>).)*value="(\\d)" selected`, 's').exec(html)?.[1] ?? null;

    const submitted = await agent
      .post(`${attemptUrl}/kirim`)
      .type('form')
      .send({ _csrf: token, r0: 'true', ...half });
    expect(submitted.status).toBe(422);
    expect(submitted.text).toContain('Soal 2: beri setiap butir nomor urut sendiri sebelum mengirim.');
    expect(items.map((item) => selected(submitted.text, item))).toEqual(['2', '1', '4', null]);

    const saved = await agent
      .post(`${attemptUrl}/simpan`)
      .type('form')
      .send({ _csrf: token, r0: 'false', ...half });
    expect(saved.status).toBe(422);
    expect(saved.text).toContain('Soal 2: beri setiap butir nomor urut sendiri sebelum mengirim.');
    expect(saved.text).not.toContain('Tersimpan.');
    expect(items.map((item) => selected(saved.text, item))).toEqual(['2', '1', '4', null]);
    // Everything else was saved.
    const state = await asUser(t, learner).get(`/api/assessment/attempts/${attemptUrl.split('/').pop()}`);
    expect(state.body).toMatchObject({ status: 'in_progress', responses: { '0': false } });
  });
});
