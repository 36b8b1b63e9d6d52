import type { Browser } from 'playwright-core';
import { Clock } from '../../libs/common';
import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp } from '../../libs/testing';
import { axeViolations, baseUrl, launchChromium, signIn } from './browser-kit';
import { givenAsn, givenEvidence, givenPosition } from '../e2e/needs-analysis.fixtures';

const API = '/api/development-plans/needs';

/** The needs analysis pages in Chromium on a phone: WCAG 2.1 AA as axe-core checks it. */
describe('needs analysis pages in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: GivenUser;
  let asn: Awaited<ReturnType<typeof givenAsn>>;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T02:00:00Z'));
    const unit = await givenUnit(t, '36.74');
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id });
    asn = await givenAsn(t, unit.id, await givenPosition(t, { 'M.01': 3, 'M.02': 2, 'M.05': 4 }));
    await givenEvidence(t, asn.user.id, { 'M.01': 1, 'M.02': 3 });
    const started = await t.http().post(`${API}/runs`).set('authorization', admin.auth).send({});
    expect(started.status).toBe(202);
    await t.drain();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  const phone = () =>
    // bypassCSP only lets the test inject axe-core; the pages run no script of their own.
    browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, bypassCSP: true });

  it('the ASN’s own analysis: gap table and chart, no accessibility violations', async () => {
    const context = await phone();
    const page = await signIn(t, context, asn as unknown as GivenUser);
    await page.getByRole('link', { name: 'Analisis kebutuhan' }).click();
    await page.waitForURL('**/analisis-kebutuhan');
    await expectVisibleHeading(page, 'Analisis Kebutuhan Saya');
    const chart = page.getByRole('img', {
      name: 'Level dibutuhkan dibandingkan level saat ini per kompetensi (skala 0-5)',
    });
    expect(await chart.count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Tabel kesenjangan kompetensi' }).getByRole('row').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the admin pages: run, agency view, assessments, SKP import and one ASN, no accessibility violations', async () => {
    const context = await phone();
    const page = await signIn(t, context, admin);
    for (const path of ['', '/kebutuhan', '/asesmen', '/skp', `/asn?nip=${asn.nip}`]) {
      await page.goto(`${baseUrl(t)}/admin/analisis-kebutuhan${path}`);
      expect([path, await axeViolations(page)]).toEqual([path, []]);
    }
    await page.goto(`${baseUrl(t)}/admin/analisis-kebutuhan/kebutuhan`);
    expect(await page.getByRole('link', { name: 'Excel (XLSX)' }).count()).toBe(1);
    await context.close();
  });
});

async function expectVisibleHeading(page: import('playwright-core').Page, name: string) {
  expect(await page.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
}
