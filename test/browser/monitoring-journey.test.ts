import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { Clock } from '../../libs/common';
import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import { axeViolations, launchChromium, signIn } from './browser-kit';

/**
 * The Kota Tangerang Selatan admin's monitoring journey on a phone: the dashboard of their
 * kota, down to one unit, the people behind a number, an XLSX export followed to the end of
 * its progress bar, downloaded and read back; every page passes axe-core (WCAG 2.1 AA).
 */
describe('monitoring journey in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: GivenUser;
  const staff: GivenUser[] = [];
  let unitName: string;

  beforeAll(async () => {
    t = await createTestApp();
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-06-15T03:00:00Z'));
    await givenRegions(t);
    const unit = await t.get(OrganisationApi).ensureUnit({
      code: 'DISDIK-3674',
      name: 'Dinas Pendidikan Kota Tangerang Selatan',
      kind: 'agency',
      regionCode: '36.74',
    });
    unitName = unit.name;
    await givenUnit(t, '36.74');
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    for (let i = 0; i < 3; i++) staff.push(await givenUser(t, { unitId: unit.id }));
    await t.drain();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('drills down to a unit, lists its people, exports XLSX, waits for it and reads the download', async () => {
    // bypassCSP only lets the test inject axe-core; the pages run no script of their own.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
      bypassCSP: true,
    });
    const page = await signIn(t, phone, admin);
    await page.getByRole('link', { name: 'Pemantauan', exact: true }).click();
    await page.waitForURL('**/pemantauan');
    await expect(page.locator('h1').textContent()).resolves.toContain('Kota Tangerang Selatan');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: unitName, exact: true }).first().click();
    await page.waitForURL(/\/pemantauan\?.*node=[0-9a-f-]{36}/);
    await expect(page.locator('h1').textContent()).resolves.toContain(unitName);

    await page.locator('a[href*="metric=jp-not-met"]').first().click();
    await page.waitForURL(/\/pemantauan\/orang\?/);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Daftar ASN: ${unitName}`);
    await expect(page.getByRole('heading', { level: 2, name: '3 ASN' }).isVisible()).resolves.toBe(true);
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(1 + 3);
    for (const who of staff)
      await expect(page.getByText(who.user.name, { exact: true }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'XLSX' }).check();
    await page.getByRole('button', { name: 'Buat file ekspor' }).click();
    await page.waitForURL(/\/pemantauan\/ekspor/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ekspor data pemantauan');
    expect(await page.locator('progress').count()).toBe(1);
    // The page refreshes itself while the export runs; the link appears once it is done.
    const link = page.getByRole('link', { name: /^Unduh pemantauan-people-2026-06-15\.xlsx$/ });
    await link.waitFor({ timeout: 30_000 });
    await expect(page.locator('progress').getAttribute('value')).resolves.toBe('100');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('pemantauan-people-2026-06-15.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nama', 'NIP', 'Unit kerja', 'JP', 'Target JP']);
    const names = (sheet.getSheetValues().slice(2) as unknown[][]).map((r) => r[1]).sort();
    expect(names).toEqual(staff.map((s) => s.user.name).sort());
    expect(sheet.getRow(2).getCell(3).value).toBe(unitName);
    await phone.close();
  });
});
