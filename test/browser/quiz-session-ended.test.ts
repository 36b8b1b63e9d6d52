import { Browser, Page } from 'playwright-core';
import {
  asUser,
  createTestApp,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  TestApp,
} from '../../libs/testing';
import { QuizAttempt } from '../../src/modules/assessment/entities';
import { baseUrl, launchChromium, signIn } from './browser-kit';

/**
 * The sign-in ends (8 hours) while a learner is still answering: the autosave says so, the
 * answers stay on the phone, and after signing in again they are back on the form and saved.
 */
describe('a quiz whose sign-in ends during the attempt', () => {
  let t: TestApp;
  let browser: Browser;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '12.71')).id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A learner enrolled on a two-question quiz (true/false, then a short answer), in that order. */
  async function enrolledInQuiz() {
    const instructor = await givenUser(t, { role: 'instructor', unitId });
    const learner = await givenUser(t, { unitId });
    const course = await givenQuizCourse(t, instructor.auth, {
      textLessons: 0,
      quiz: { shuffleQuestions: false },
      questions: [
        { type: 'true_false', stem: 'ASN wajib menjaga netralitas.', correct: true },
        { type: 'short', stem: 'Dasar negara Indonesia adalah …', answers: ['Pancasila'] },
      ],
    });
    await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
    return { learner, course };
  }

  it('keeps what was typed after the session ended and saves it once signed in again', async () => {
    const { learner, course } = await enrolledInQuiz();

    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true });
    const page = await signIn(t, phone, learner);
    await page.goto(`${baseUrl(t)}/kuis/${course.quizId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.waitForURL(/\/kuis\/percobaan\/[0-9a-f-]{36}$/);
    const attemptUrl = page.url();
    const attemptId = attemptUrl.split('/').pop()!;
    await page.getByLabel('Benar', { exact: true }).check();
    await page.getByText(/^Tersimpan \d/).waitFor();

    // Eight hours later the browser drops the sign-in cookie.
    const kept = (await phone.cookies()).filter((c) => c.name !== 'bina_session');
    await phone.clearCookies();
    await phone.addCookies(kept);
    await page.getByLabel('Jawaban Anda').fill('pancasila');
    await page
      .getByText('Sesi Anda berakhir — masuk lagi di tab baru; jawaban Anda disimpan di perangkat ini.')
      .waitFor();

    // Sending anyway leads to the sign-in page, and back to the attempt with the answer restored.
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL('**/masuk?next=**');
    await page.getByLabel('NIP atau e-mail').fill(learner.username);
    await page.getByLabel('Kata sandi').fill(learner.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(attemptUrl);
    await expect(page.getByLabel('Jawaban Anda').inputValue()).resolves.toBe('pancasila');
    await expect(page.getByLabel('Benar', { exact: true }).isChecked()).resolves.toBe(true);
    await page.getByText(/^Tersimpan \d/).waitFor();
    const saved = JSON.parse(
      (await t.dataSource.getRepository(QuizAttempt).findOneByOrFail({ id: attemptId })).responsesJson,
    );
    expect(saved).toMatchObject({ '0': true, '1': 'pancasila' });
    // Saved, so nothing is left on the phone to restore.
    await expect(page.evaluate('Object.keys(localStorage)')).resolves.toEqual([]);
    await phone.close();
  });

  it('leaves no answers on a shared computer: not past the due time, not after signing out, not after submitting', async () => {
    const { learner, course } = await enrolledInQuiz();

    const office = await browser.newContext();
    const page = await signIn(t, office, learner);
    await page.goto(`${baseUrl(t)}/kuis/${course.quizId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.waitForURL(/\/kuis\/percobaan\/[0-9a-f-]{36}$/);
    const attemptUrl = page.url();
    const key = `bina.quiz.${attemptUrl.split('/').pop()}`;
    const keys = (p: Page) => p.evaluate<string[]>('Object.keys(localStorage).sort()');

    // A copy whose attempt is past its due time is dropped; one still in time stays.
    await page.evaluate(`
      const copy = (until) => JSON.stringify({ base: 0, at: Date.now(), until, answers: [] });
      localStorage.setItem('bina.quiz.past', copy(Date.now() - 1000));
      localStorage.setItem('bina.quiz.intime', copy(Date.now() + 600000));
    `);
    await page.reload();
    await expect(keys(page)).resolves.toEqual(['bina.quiz.intime']);

    // Signing out in another tab clears the site's storage, and the CSRF secret with it.
    const other = await office.newPage();
    await other.goto(`${baseUrl(t)}/beranda`);
    await other.getByRole('button', { name: 'Keluar' }).click();
    await other.waitForURL('**/masuk?keluar=1');
    await expect(keys(other)).resolves.toEqual([]);

    // The quiz tab's autosave is refused (403): the session ended, no endless retries.
    await page.getByLabel('Jawaban Anda').fill('pancasila');
    await page
      .getByText('Sesi Anda berakhir — masuk lagi di tab baru; jawaban Anda disimpan di perangkat ini.')
      .waitFor();
    await expect(keys(page)).resolves.toEqual([key]);

    // Signed in again in the other tab, back on the quiz tab: a fresh page, the answer back and saved.
    await other.getByLabel('NIP atau e-mail').fill(learner.username);
    await other.getByLabel('Kata sandi').fill(learner.password);
    await other.getByRole('button', { name: 'Masuk' }).click();
    await other.waitForURL('**/beranda');
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await page.getByText(/^Tersimpan \d/).waitFor();
    await expect(page.getByLabel('Jawaban Anda').inputValue()).resolves.toBe('pancasila');

    // Submitted at once after a change: the submit-time copy goes when the result shows.
    await page.getByLabel('Salah', { exact: true }).check();
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByRole('button', { name: 'Kirim jawaban' }).waitFor({ state: 'detached' });
    await page.waitForLoadState('load');
    await expect(keys(page)).resolves.toEqual([]);
    await office.close();
  });
});
