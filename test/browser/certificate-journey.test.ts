import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import {
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { axeViolations, baseUrl, launchChromium, signIn } from './browser-kit';

/**
 * The certificate journey on a phone: a learner in Kota Tangerang Selatan finishes a
 * course, finds the certificate under "Sertifikat", downloads the PDF and opens the
 * public verification page its link leads to.
 */
describe('from a completed course to a verified certificate', () => {
  let t: TestApp;
  let browser: Browser;
  let learner: GivenUser;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '36.74', 'training_unit');
    const instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    learner = await givenUser(t, { unitId: (await givenUnit(t, '36.74')).id });
    courseId = (await givenPublishedCourse(t, instructor.auth, { title: 'Tata Naskah Dinas Elektronik', jp: 4 }))
      .courseId;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('learner completes the course, downloads the certificate and sees it verified', async () => {
    // bypassCSP only lets the test inject axe-core; the pages themselves run no inline script.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
      bypassCSP: true,
    });
    const page = await signIn(t, phone, learner);
    await page.goto(`${baseUrl(t)}/kursus/${courseId}`);
    await page.getByRole('button', { name: 'Daftar kursus' }).click();
    await page.getByRole('link', { name: 'Mulai belajar' }).click();
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Selamat! Kursus selesai');
    await t.drain();

    await page.getByRole('link', { name: 'Sertifikat', exact: true }).click();
    await page.waitForURL('**/sertifikat');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sertifikat saya');
    const courseLink = page.getByRole('link', { name: 'Tata Naskah Dinas Elektronik', exact: true });
    await expect(courseLink.isVisible()).resolves.toBe(true);
    await expect(page.getByText('Sah', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh PDF — Tata Naskah Dinas Elektronik' }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/^Tata Naskah Dinas Elektronik - .+\.pdf$/);

    await courseLink.click();
    await page.waitForURL(/\/sertifikat\/[0-9a-f-]{36}$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Halaman verifikasi — Tata Naskah Dinas Elektronik' }).click();
    await page.waitForURL(/\/verifikasi\/[A-Za-z0-9_-]{24}$/);
    await expect(page.locator('.verdict-status').textContent()).resolves.toBe('Sah');
    await expect(page.locator('.verdict dl').textContent()).resolves.toContain(learner.user.name);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/bina-verifikasi.png', fullPage: true });
    await phone.close();
  });

  it('lets anyone check a code on a phone without signing in, and the admin pages pass the checks', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, bypassCSP: true });
    const page = await phone.newPage();
    await page.goto(`${baseUrl(t)}/verifikasi`);
    await page.getByLabel('Kode verifikasi').fill('BUKAN-KODE-YANG-ADA-0000');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.waitForURL('**/verifikasi/BUKAN-KODE-YANG-ADA-0000');
    await expect(page.locator('.verdict-status').textContent()).resolves.toBe('Tidak dikenal');
    expect(await axeViolations(page)).toEqual([]);

    const admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: learner.user.unitId! });
    const desk = await signIn(t, phone, admin);
    await desk.getByRole('link', { name: 'Sertifikat', exact: true }).click();
    await expect(desk.locator('h1').textContent()).resolves.toBe('Sertifikat kursus');
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByLabel('Pilih kursus').selectOption(courseId);
    await desk.getByRole('button', { name: 'Tampilkan' }).click();
    await desk.waitForURL(`**/admin/sertifikat/kursus/${courseId}`);
    await desk
      .getByText(/^Cabut/)
      .first()
      .click();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Unduh semua (ZIP)' }).click();
    await desk.waitForURL(/\/admin\/sertifikat\/ekspor\//);
    // Once the job is done the page stops refreshing itself, so the check sees a still page.
    await t.drain();
    await desk.reload();
    await expect(desk.getByRole('link', { name: 'Unduh ZIP' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.goto(`${baseUrl(t)}/admin/templat-sertifikat`);
    await expect(desk.locator('h1').textContent()).resolves.toBe('Templat sertifikat');
    expect(await axeViolations(desk)).toEqual([]);
    await phone.close();
  });
});
