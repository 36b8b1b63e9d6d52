import { Browser } from 'playwright-core';
import {
  createTestApp,
  givenQuizCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { QuizAttempt } from '../../src/modules/assessment/entities';
import { axeViolations, baseUrl, launchChromium, signIn } from './browser-kit';

/**
 * The quiz journey: a learner in Medan Belawan takes a timed final quiz on a phone,
 * answers are saved as they go, the server grades the submission in the background,
 * and the learner sees the result and the completed course.
 */
describe('a timed quiz on a phone, graded in the background, completes the course', () => {
  let t: TestApp;
  let browser: Browser;
  let learner: GivenUser;
  let course: Awaited<ReturnType<typeof givenQuizCourse>>;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '12.71');
    const instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    learner = await givenUser(t, { unitId: unit.id });
    course = await givenQuizCourse(t, instructor.auth, {
      title: 'Etika dan Integritas ASN',
      jp: 2,
      textLessons: 0,
      quiz: { timeLimitMinutes: 15, attemptsAllowed: 2 },
      questions: [
        {
          type: 'single',
          stem: 'Apa kepanjangan ASN?',
          options: [{ text: 'Aparatur Sipil Negara', correct: true }, { text: 'Aparat Sipil Nasional' }],
        },
        { type: 'true_false', stem: 'ASN wajib menjaga netralitas.', correct: true },
        { type: 'short', stem: 'Dasar negara Indonesia adalah …', answers: ['Pancasila'] },
        {
          type: 'matching',
          stem: 'Pasangkan provinsi dengan ibu kotanya.',
          pairs: [
            { prompt: 'Sumatera Utara', match: 'Medan' },
            { prompt: 'Gorontalo', match: 'Kota Gorontalo' },
          ],
        },
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeAll(async () => {
    browser = await launchChromium();
  });

  it('learner starts, answers with autosave, submits, sees "Lulus" and the completed course', async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    const page = await signIn(t, phone, learner);
    await page.goto(`${baseUrl(t)}/kursus/${course.courseId}`);
    await page.getByRole('button', { name: 'Daftar kursus' }).click();
    await page.goto(`${baseUrl(t)}/kursus/${course.courseId}/pelajaran/${course.quizLessonId}`);
    await page.getByRole('link', { name: 'Buka kuis' }).click();
    await page.waitForURL(`**/kuis/${course.quizId}`);
    await expect(page.getByText('4 soal').textContent()).resolves.toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.waitForURL(/\/kuis\/percobaan\/[0-9a-f-]{36}$/);
    const attemptId = page.url().split('/').pop()!;
    // The countdown runs from the server's deadline.
    await expect(page.getByRole('timer').textContent()).resolves.toMatch(/Sisa waktu: *1[45]:\d\d/);

    await page.getByLabel('Aparatur Sipil Negara').check();
    await page.getByLabel('Benar', { exact: true }).check();
    await page.getByLabel('Jawaban Anda').fill('pancasila');
    await page.getByLabel('Sumatera Utara').selectOption({ label: 'Medan' });
    await page.getByLabel('Gorontalo', { exact: true }).selectOption({ label: 'Kota Gorontalo' });
    // Autosave: the answers reach the server before anything is submitted.
    await page.getByText(/^Tersimpan \d/).waitFor();
    const saved = JSON.parse(
      (await t.dataSource.getRepository(QuizAttempt).findOneByOrFail({ id: attemptId })).responsesJson,
    );
    expect(saved).toMatchObject({ '1': true, '2': 'pancasila' });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL(`**/kuis/percobaan/${attemptId}`);
    // Graded by the background job; the page refreshes itself until the result is there.
    await page.getByText('Hasil: 4 dari 4 poin (100%)').waitFor({ timeout: 20_000 });
    await expect(page.getByText('Lulus', { exact: true }).isVisible()).resolves.toBe(true);
    await page.getByText('Selamat! Kursus selesai').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Kembali ke kursus' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('menyelesaikan kursus ini');
    await phone.close();
  });
});
