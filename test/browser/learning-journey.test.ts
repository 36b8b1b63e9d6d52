import { Browser } from 'playwright-core';
import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { axeViolations, launchChromium, signIn } from './browser-kit';

/**
 * The journey of this release: an instructor builds and publishes a course on a laptop;
 * a learner in Gorontalo finds it on a phone, enrols, works through the lessons, and the
 * JP ledger and home page show the credit.
 */
describe('from a published course to JP on the learner’s ledger', () => {
  let t: TestApp;
  let browser: Browser;
  let instructor: GivenUser;
  let learner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '75.71');
    instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    learner = await givenUser(t, { unitId: unit.id });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('instructor publishes, learner enrols and completes, the ledger and home page show 3 JP', async () => {
    // bypassCSP only lets the test inject axe-core; the pages themselves run no inline script.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const author = await signIn(t, desk, instructor);
    await author.getByRole('link', { name: 'Kursus yang saya ampu' }).first().click();
    await author.waitForURL('**/pengajar/kursus');
    await author.getByLabel('Judul kursus').fill('Pelayanan Publik Berbasis Digital');
    await author.getByLabel('Ringkasan').fill('Standar pelayanan, pengaduan, dan layanan daring.');
    await author.getByLabel('JP yang diberikan').fill('3');
    await author.getByLabel('M.05 Pelayanan Publik').selectOption('3');
    await author.getByRole('button', { name: 'Buat draf' }).click();
    await author.waitForURL(/\/pengajar\/kursus\/[0-9a-f-]{36}$/);
    expect(await axeViolations(author)).toEqual([]);

    await author.getByLabel('Judul modul').fill('Modul 1: Standar pelayanan');
    await author.getByRole('button', { name: 'Tambah modul' }).click();
    await author.waitForURL(/ok=saved/);
    for (const [title, body] of [
      ['Maklumat pelayanan', '<p>Setiap unit layanan menetapkan <strong>maklumat pelayanan</strong>.</p>'],
      ['Mengelola pengaduan', '<p>Pengaduan dijawab paling lama 5 hari kerja.</p><script>alert(1)</script>'],
    ]) {
      await author.getByText('Tambah pelajaran ke Modul 1: Standar pelayanan').first().click();
      await author.getByLabel('Judul pelajaran').fill(title);
      await author.getByLabel('Isi (HTML sederhana untuk bacaan)').fill(body);
      await author.getByRole('button', { name: 'Tambah pelajaran ke Modul 1: Standar pelayanan' }).click();
      await author.waitForURL(/ok=saved/);
    }
    await author.getByRole('button', { name: 'Terbitkan' }).click();
    await expect(author.getByRole('status').textContent()).resolves.toContain('Kursus diterbitkan sebagai versi 1.');
    await desk.close();

    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    const page = await signIn(t, phone, learner);
    await page.getByRole('link', { name: 'Katalog', exact: true }).click();
    await page.getByLabel('Kata kunci').fill('Pelayanan Publik Berbasis');
    await page.getByRole('button', { name: 'Cari' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Pelayanan Publik Berbasis Digital' }).click();
    await page.getByRole('button', { name: 'Daftar kursus' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Anda terdaftar di kursus ini.');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mulai belajar' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Maklumat pelayanan');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Mengelola pengaduan');
    expect(await page.locator('.lesson-body script').count()).toBe(0);
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Selamat! Kursus selesai dan 3 JP tercatat di JP Anda tahun ini.',
    );

    await page.getByRole('link', { name: 'JP saya' }).click();
    await expect(page.locator('#jp-total').textContent()).resolves.toBe('3 dari 20 JP');
    await expect(page.locator('#jp-bar').getAttribute('value')).resolves.toBe('15');
    await expect(page.getByText('Pelayanan Publik Berbasis Digital').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Beranda' }).first().click();
    await expect(page.locator('#jp-total').textContent()).resolves.toBe('3 dari 20 JP');
    await expect(page.getByText('M.05').first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/bina-beranda-jp.png', fullPage: true });
    await phone.close();
  });

  it('the unit admin’s pages pass the accessibility checks on a phone', async () => {
    const admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71', unitId: learner.user.unitId! });
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, bypassCSP: true });
    const page = await signIn(t, phone, admin);
    for (const [link, heading] of [
      ['Penugasan', 'Penugasan kursus'],
      ['Verifikasi', 'Verifikasi kegiatan pengembangan'],
      ['Permintaan', 'Permintaan pendaftaran kursus'],
    ]) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe(heading);
      expect(await axeViolations(page)).toEqual([]);
    }
    await phone.close();
  });
});
