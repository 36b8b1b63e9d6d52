import { Browser, BrowserContext } from 'playwright-core';
import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { axeViolations, baseUrl, launchChromium } from './browser-kit';

describe('signing in on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let learner: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '12.71.08');
    learner = await givenUser(t, { unitId: unit.id });
    browser = await launchChromium();
    // bypassCSP only lets the test inject axe-core; the pages themselves run no inline script.
    context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('goes from the front door to the home page, switches to English, and signs out', async () => {
    const page = await context.newPage();
    await page.goto(baseUrl(t));
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await expect(page.locator('h1').textContent()).resolves.toBe('Masuk ke Bina');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('NIP atau e-mail').fill(learner.user.nipDisplay!);
    await page.getByLabel('Kata sandi').fill(learner.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL('**/beranda');
    await expect(page.locator('h1').textContent()).resolves.toBe(`Selamat datang, ${learner.user.name}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/bina-beranda.png', fullPage: true });

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/beranda');
    await expect(page.locator('h1').textContent()).resolves.toBe(`Welcome, ${learner.user.name}`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/masuk?keluar=1');
    await expect(page.getByRole('status').textContent()).resolves.toBe('You have signed out.');
  });

  it('shows a wrong password as an alert next to the form', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl(t)}/bahasa?ke=id&next=/masuk`);
    await page.getByLabel('NIP atau e-mail').fill(learner.username);
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('NIP/e-mail atau kata sandi salah.');
    expect(await axeViolations(page)).toEqual([]);
  });
});
