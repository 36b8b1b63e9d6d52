import { Browser } from 'playwright-core';
import { Clock } from '../../libs/common';
import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import type { UnitView } from '../../src/modules/organisation/organisation.api';
import { axeViolations, baseUrl, launchChromium, signIn } from './browser-kit';

/**
 * The public satisfaction survey as people meet it: someone at the counter scans the QR
 * code, answers the nine questions on a phone without signing in, and the unit admin reads
 * the unit's index and prints the counter poster.
 */
describe('the public satisfaction survey in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let unit: UnitView;
  let admin: GivenUser;
  /** The app's clock runs with real time plus this offset, so a test can "wait" while reading. */
  let offsetMs = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
    unit = await givenUnit(t, '36.74');
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a member of the public answers on a phone, and the unit admin reads the index', async () => {
    // bypassCSP only lets the test inject axe-core; the pages themselves run no inline script.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    const page = await phone.newPage();
    await page.goto(`${baseUrl(t)}/skm/${unit.code}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Survei Kepuasan Masyarakat');
    expect(await axeViolations(page)).toEqual([]);

    const choices = [
      'Sangat sesuai',
      'Sangat mudah',
      'Sangat cepat',
      'Gratis',
      'Sangat sesuai',
      'Sangat kompeten',
      'Sangat sopan dan ramah',
      'Dikelola dengan baik',
      'Sangat baik',
    ];
    for (const [i, choice] of choices.entries()) {
      const question = page.getByRole('group', { name: new RegExp(`^Pertanyaan ${i + 1} dari 9`) });
      await question.getByLabel(choice, { exact: true }).check();
    }
    await page.getByLabel('Pekerjaan utama').selectOption({ label: 'Wirausaha' });
    await page.getByLabel('Saran dan masukan (tidak wajib)').fill('Ruang tunggu sejuk dan bersih.');
    offsetMs += 30_000; // the time a person takes to read and answer
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.waitForURL('**?ok=terkirim');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Terima kasih!');
    await expect(page.getByRole('button', { name: 'Kirim jawaban' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const home = await signIn(t, desk, admin);
    await home.getByRole('link', { name: 'Survei kepuasan' }).click();
    await home.waitForURL('**/admin/ikm');
    expect(await axeViolations(home)).toEqual([]);
    await home.getByRole('link', { name: unit.name }).click();
    await home.waitForURL(`**/admin/ikm/${unit.code}`);
    await expect(home.locator('h1').textContent()).resolves.toBe(unit.name);
    await expect(home.getByRole('img', { name: /Grafik IKM unit/ }).isVisible()).resolves.toBe(true);
    await expect(home.getByText('A (Sangat Baik)').first().isVisible()).resolves.toBe(true);
    await expect(home.getByText('Ruang tunggu sejuk dan bersih.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(home)).toEqual([]);

    await home.getByRole('link', { name: 'Halaman cetak' }).click();
    await home.waitForURL(`**/admin/ikm/${unit.code}/cetak`);
    await expect(home.getByRole('img', { name: /Kode QR menuju/ }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(home)).toEqual([]);
  });
});
