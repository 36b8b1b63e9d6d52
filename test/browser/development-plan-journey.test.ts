import { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '../../libs/common';
import {
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { FollowUpScheduler } from '../../src/modules/development-plans/evaluation/follow-up/follow-up.scheduler';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import { axeViolations, baseUrl, launchChromium, signIn } from './browser-kit';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The development-plan journey of issue 6, through the pages a Kota Tangerang Selatan
 * team would use: the unit admin runs a needs analysis; the ASN gets a proposed plan,
 * edits and submits it; the supervisor endorses it; the unit approves it; the ASN completes
 * the planned course and the plan shows it; the L1 questionnaire arrives; 90 days later
 * the L3 follow-up arrives for the ASN and the supervisor.
 */
describe('from a needs analysis to the follow-up 90 days after the planned course', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: GivenUser;
  let supervisor: GivenUser;
  let learner: GivenUser;
  let courseId: string;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    now = new Date('2026-03-02T02:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    await givenRegions(t);
    const trainingUnit = await givenUnit(t, '36.74', 'training_unit');
    const office = await givenUnit(t, '36.74');
    const org = t.get(OrganisationApi);
    const position = await org.ensurePosition({
      code: 'JF-PRANATA-LAYANAN',
      name: 'Pranata Layanan',
      kind: 'functional',
    });
    await org.setStandard(position.id, { requirements: [{ competencyCode: 'M.05', requiredLevel: 2 }] });
    const instructor = await givenUser(t, { role: 'instructor', unitId: trainingUnit.id });
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: trainingUnit.id });
    supervisor = await givenUser(t, { role: 'supervisor', unitId: office.id });
    learner = await givenUser(t, { unitId: office.id, positionId: position.id, supervisorId: supervisor.user.id });
    courseId = (
      await givenPublishedCourse(t, instructor.auth, {
        title: 'Pelayanan Publik Prima',
        jp: 4,
        competencies: [{ code: 'M.05', level: 2 }],
      })
    ).courseId;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function phone(): Promise<BrowserContext> {
    // bypassCSP only lets the test inject axe-core; the pages themselves run no inline script.
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    context.setDefaultTimeout(10_000);
    return context;
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  it('unit admin runs the needs analysis for Kota Tangerang Selatan', async () => {
    const context = await phone();
    const page = await signIn(t, context, admin);
    await page.goto(`${baseUrl(t)}/admin/analisis-kebutuhan`);
    await page.getByLabel('Kode wilayah').fill('36.74');
    await page.getByRole('button', { name: 'Jalankan analisis' }).click();
    await page.waitForURL(/\/admin\/analisis-kebutuhan\/proses\/[0-9a-f-]{36}(\?.*)?$/);
    await t.drain();
    await page.reload();
    await expect(page.locator('main').textContent()).resolves.toContain('Selesai');
    await expectAccessible(page);
    await page.goto(`${baseUrl(t)}/admin/analisis-kebutuhan/kebutuhan`);
    await expect(page.locator('main').textContent()).resolves.toContain('M.05');
    await expectAccessible(page);
    await context.close();
  });

  it('ASN gets a proposed plan, edits it and submits it', async () => {
    const context = await phone();
    const page = await signIn(t, context, learner);
    await page.goto(`${baseUrl(t)}/rencana`);
    await page.getByRole('button', { name: 'Buat usulan rencana' }).click();
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}(\?.*)?$/);
    await expect(page.locator('#status-rencana').getAttribute('data-status')).resolves.toBe('draft');
    // The proposal: the gap in M.05 as a goal, the catalogue course that closes it as an activity.
    await expect(page.locator('#tujuan').locator('..').textContent()).resolves.toContain('M.05');
    await expect(page.locator('#kegiatan').locator('..').textContent()).resolves.toContain('Pelayanan Publik Prima');
    await expectAccessible(page);

    // Participation: the ASN adds a coaching session of their own.
    await page.getByLabel('Bentuk pengembangan').selectOption({ label: 'Coaching' });
    await page.getByLabel('Nama kegiatan').last().fill('Coaching dengan atasan');
    await page.getByLabel('JP direncanakan').last().fill('2');
    await page.getByRole('button', { name: 'Tambah kegiatan' }).click();
    await expect(page.locator('#kegiatan').locator('..').textContent()).resolves.toContain('Coaching dengan atasan');

    await page.getByRole('button', { name: 'Ajukan rencana' }).click();
    await expect(page.locator('#status-rencana').getAttribute('data-status')).resolves.toBe('submitted');
    await context.close();
  });

  it('supervisor endorses and the unit admin approves', async () => {
    const context = await phone();
    const desk = await signIn(t, context, supervisor);
    await desk.goto(`${baseUrl(t)}/rencana/tinjauan`);
    await expectAccessible(desk);
    await desk.getByRole('link', { name: new RegExp(learner.user.name) }).click();
    await desk.getByRole('button', { name: 'Rekomendasikan rencana' }).click();
    await expect(desk.locator('#status-rencana').getAttribute('data-status')).resolves.toBe('endorsed');
    await context.close();

    const office = await phone();
    const unit = await signIn(t, office, admin);
    await unit.goto(`${baseUrl(t)}/admin/rencana`);
    await expectAccessible(unit);
    await unit.getByRole('link', { name: new RegExp(learner.user.name) }).click();
    await unit.getByRole('button', { name: 'Setujui rencana' }).click();
    // The plan year has begun, so the approved plan is under way at once.
    await expect(unit.locator('#status-rencana').getAttribute('data-status')).resolves.toBe('in_progress');
    await office.close();
  });

  it('ASN completes the planned course: the plan shows it done, the JP and the level; the L1 survey arrives', async () => {
    const context = await phone();
    const page = await signIn(t, context, learner);
    await page.goto(`${baseUrl(t)}/kursus/${courseId}`);
    await page.getByRole('button', { name: 'Daftar kursus' }).click();
    await page.getByRole('link', { name: 'Mulai belajar' }).click();
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Selamat! Kursus selesai');
    await t.drain();

    await page.goto(`${baseUrl(t)}/rencana`);
    await page.waitForURL(/\/rencana\/[0-9a-f-]{36}(\?.*)?$/);
    await expect(page.locator('#jp-earned').textContent()).resolves.toBe('4 JP');
    const activities = (await page.locator('#kegiatan').locator('..').textContent()) ?? '';
    expect(activities).toMatch(/Pelayanan Publik Prima[\s\S]*Selesai/);
    const goals = (await page.locator('#tujuan').locator('..').textContent()) ?? '';
    expect(goals).toMatch(/M\.05[\s\S]*2/);
    expect(goals).toContain('Tercapai');
    await expectAccessible(page);

    await page.goto(`${baseUrl(t)}/notifikasi`);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Bagaimana kursus "Pelayanan Publik Prima"?' })
      .getByRole('button', { name: 'Isi evaluasi' })
      .click();
    await page.waitForURL(/\/survei\/kursus\/[0-9a-f-]{36}(\?.*)?$/);
    await expectAccessible(page);
    for (const item of ['Materi kursus', 'Penyampaian (cara materi disajikan)', 'Manfaat untuk pekerjaan Anda']) {
      await page.getByRole('group', { name: item }).getByLabel('4 – Baik').check();
    }
    await page.getByRole('button', { name: 'Kirim evaluasi' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('Terima kasih, evaluasi Anda telah terkirim.');
    await context.close();
  });

  it('90 days later the follow-up reaches the ASN and the supervisor', async () => {
    now = new Date(now.getTime() + 91 * DAY);
    await t.get(FollowUpScheduler).enqueueToday();
    await t.drain();

    for (const who of [learner, supervisor]) {
      const context = await phone();
      const page = await signIn(t, context, who);
      await page.goto(`${baseUrl(t)}/notifikasi`);
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Survei tindak lanjut pelatihan "Pelayanan Publik Prima"' })
        .getByRole('button', { name: 'Isi survei' })
        .click();
      await page.waitForURL(/\/survei\/tindak-lanjut\/[0-9a-f-]{36}(\?.*)?$/);
      await expectAccessible(page);
      await page.getByLabel('Sebagian').check();
      await page.getByLabel('Contoh penerapan di tempat kerja').fill('Standar pelayanan dipasang di loket.');
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await expect(page.locator('main').textContent()).resolves.toContain('Terima kasih, jawaban Anda telah terkirim.');
      await context.close();
    }
  });
});
