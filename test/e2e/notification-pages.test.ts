import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TransactionRunner } from '../../libs/database';
import {
  browserAgent,
  createTestApp,
  csrfOf,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import { AddressFailuresService } from '../../src/modules/notifications/delivery/address-failures.service';
import { NotificationEvent, NotificationsApi } from '../../src/modules/notifications/notifications.api';

let serial = 0;

/**
 * The notification pages without script, on the embedded default (no SMTP_URL): e-mails
 * land in DATA_DIR/mail-outbox and the dev mailbox shows them.
 */
describe('the notification pages', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'http://bina.test' });
    await givenRegions(t);
    unitId = (await givenUnit(t, '12.71')).id;
  });
  afterAll(() => t.close());

  const signedIn = async (options: Parameters<typeof givenUser>[1] = {}) => {
    const who = await givenUser(t, { unitId, ...options });
    const agent = browserAgent(t);
    await signInThroughPages(agent, who.username, who.password);
    return { who, agent };
  };
  const notify = (recipients: GivenUser[], event: Partial<NotificationEvent> = {}) =>
    t.get(TransactionRunner).run((m) =>
      t.get(NotificationsApi).notify(m, {
        category: 'course-assigned',
        eventKey: `page-test:${++serial}`,
        recipientIds: recipients.map((r) => r.user.id),
        params: { course: `Kursus Halaman ${serial}` },
        link: '/katalog',
        ...event,
      }),
    );
  /** Urgent at whatever time the real clock says: quiet hours are switched off for the person first. */
  const noQuietHours = (who: GivenUser) =>
    t.http().put('/api/notifications/preferences').set('authorization', who.auth).send({ quietHours: null });

  it('lists notifications with the unread count in the header; opening one marks it read and follows its link', async () => {
    const { who, agent } = await signedIn();
    await notify([who], { params: { course: 'Etika <ASN>' } });
    await notify([who], { params: { course: 'Pelayanan Publik' } });
    await t.drain();

    const home = await agent.get('/beranda');
    expect(home.text).toContain('<a href="/notifikasi">Notifikasi (2 baru)</a>');
    const page = await agent.get('/notifikasi');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Anda ditugaskan mengikuti kursus &quot;Etika &lt;ASN&gt;&quot;');
    expect(page.text.indexOf('Pelayanan Publik')).toBeLessThan(page.text.indexOf('Etika &lt;ASN&gt;'));
    const id = /action="\/notifikasi\/([0-9a-f-]{36})\/buka"/.exec(page.text)![1];
    const opened = await agent
      .post(`/notifikasi/${id}/buka`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/katalog');
    expect((await agent.get('/beranda')).text).toContain('Notifikasi (1 baru)');

    const again = await agent.get('/notifikasi?belum=1');
    expect(again.text).not.toContain('Pelayanan Publik');
    const all = await agent
      .post('/notifikasi/baca-semua')
      .type('form')
      .send({ _csrf: csrfOf(again.text) });
    expect(all.headers.location).toBe('/notifikasi?ok=all-read');
    const done = await agent.get('/notifikasi?ok=all-read');
    expect(done.text).toContain('Semua notifikasi ditandai sudah dibaca.');
    expect(done.text).toContain('<a href="/notifikasi">Notifikasi</a>');
  });

  it('speaks English when the person chose it, and sends a visitor who is not signed in to the sign-in page', async () => {
    const { who, agent } = await signedIn();
    await notify([who], { params: { course: 'Ethics' } });
    await agent.get('/bahasa?ke=en&next=/notifikasi');
    const page = await agent.get('/notifikasi');
    expect(page.text).toContain('Mark all as read');
    expect(page.text).toContain('You have been assigned the course &quot;Ethics&quot;');
    const anonymous = await t.http().get('/notifikasi');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/masuk?next=%2Fnotifikasi');
  });

  it('shows the settings with their defaults, saves choices and quiet hours, and refuses an empty quiet window', async () => {
    const { who, agent } = await signedIn();
    const form = await agent.get('/notifikasi/pengaturan');
    expect(form.status).toBe(200);
    expect(form.text).toContain('ringkasan harian pukul 07.00 WIB');
    expect(form.text).toContain('Rencana pengembangan dikembalikan (mendesak)');
    expect(form.text).toMatch(/<option value="auto" selected>Otomatis/);
    expect(form.text).toContain('value="21:00"');

    const fields: Record<string, string> = {
      _csrf: csrfOf(form.text),
      quiet: 'on',
      quietStart: '22:00',
      quietEnd: '05:00',
    };
    for (const c of ['course-assigned', 'quiz-graded', 'plan-returned']) fields[`inApp-${c}`] = 'on';
    fields['email-quiz-graded'] = 'immediate';
    fields['email-course-assigned'] = 'off';
    const saved = await agent.post('/notifikasi/pengaturan').type('form').send(fields);
    expect(saved.status).toBe(303);
    const prefs = await t.http().get('/api/notifications/preferences').set('authorization', who.auth);
    expect(prefs.body.quietHours).toEqual({ start: '22:00', end: '05:00' });
    const byCategory = Object.fromEntries(
      prefs.body.categories.map((c: { category: string; inApp: string; email: string }) => [c.category, c]),
    );
    expect(byCategory['quiz-graded']).toMatchObject({ inApp: 'on', email: 'immediate' });
    expect(byCategory['course-assigned']).toMatchObject({ inApp: 'on', email: 'off' });
    expect(byCategory['certificate-issued']).toMatchObject({ inApp: 'off', email: 'auto' });
    expect((await agent.get('/notifikasi/pengaturan?ok=saved')).text).toContain('Pengaturan tersimpan.');

    const page = await agent.get('/notifikasi/pengaturan');
    const bad = await agent
      .post('/notifikasi/pengaturan')
      .type('form')
      .send({ _csrf: csrfOf(page.text), quiet: 'on', quietStart: '21:00', quietEnd: '21:00' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('role="alert"');
  });

  it('unsubscribes from the e-mail’s link without signing in: the page asks, the form does it; a forged link is a 404', async () => {
    const who = await givenUser(t, { unitId });
    await noQuietHours(who);
    await notify([who], { category: 'plan-returned', params: { year: 2026 } });
    await t.drain();
    const admin = await signedIn({ role: 'national_admin' });
    const mailbox = await admin.agent.get('/dev/kotak-surat');
    const messageId = new RegExp(`href="/dev/kotak-surat/([0-9a-f]{64})"`).exec(mailbox.text)![1];
    const message = await admin.agent.get(`/dev/kotak-surat/${messageId}`);
    const link = /http:\/\/bina\.test(\/notifikasi\/berhenti\/[A-Za-z0-9_.-]+)/.exec(message.text)![1];

    const visitor = browserAgent(t);
    const ask = await visitor.get(link);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('Berhenti menerima e-mail tentang hal berikut?');
    expect(ask.text).toContain('<li>Rencana pengembangan dikembalikan</li>');
    const before = await t.http().get('/api/notifications/preferences').set('authorization', who.auth);
    expect(before.body.categories.find((c: { category: string }) => c.category === 'plan-returned').email).toBe('auto');

    const done = await visitor
      .post(link)
      .type('form')
      .send({ _csrf: csrfOf(ask.text) });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Anda tidak lagi menerima e-mail tentang:');
    const after = await t.http().get('/api/notifications/preferences').set('authorization', who.auth);
    expect(after.body.categories.find((c: { category: string }) => c.category === 'plan-returned').email).toBe('off');

    const forged = await visitor.get(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(forged.status).toBe(404);
    expect(forged.text).toContain('Halaman tidak ditemukan.');
  });

  it('shows e-mails written to the outbox folder in the dev mailbox: a learner their own, a national admin everyone’s', async () => {
    const { who, agent } = await signedIn();
    const { who: other, agent: otherAgent } = await signedIn();
    await noQuietHours(who);
    await notify([who], { category: 'plan-returned', params: { year: 2026, reason: '<b>Perbaiki</b>' } });
    await t.drain();
    expect(readdirSync(join(t.config.dataDir, 'mail-outbox')).some((f) => f.endsWith('.eml'))).toBe(true);

    const mine = await agent.get('/dev/kotak-surat');
    expect(mine.status).toBe(200);
    expect(mine.text).toContain('Anda melihat e-mail yang dikirim kepada Anda.');
    expect(mine.text).toContain('Rencana pengembangan tahun 2026 dikembalikan untuk diperbaiki');
    const id = /href="\/dev\/kotak-surat\/([0-9a-f]{64})"/.exec(mine.text)![1];
    const shown = await agent.get(`/dev/kotak-surat/${id}`);
    expect(shown.text).toContain(`Kepada ${who.user.email}`);
    expect(shown.text).toContain('Catatan peninjau: &lt;b&gt;Perbaiki&lt;/b&gt;');
    const html = await agent.get(`/dev/kotak-surat/${id}/html`);
    expect(html.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(html.text).toContain('&lt;b&gt;Perbaiki&lt;/b&gt;');
    const raw = await agent.get(`/dev/kotak-surat/${id}/eml`);
    expect(raw.headers['content-type']).toContain('message/rfc822');
    expect(raw.text).toMatch(new RegExp(`Message-ID:\\s+<${id}@bina\\.local>`));
    expect(raw.text).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    expect((await otherAgent.get('/dev/kotak-surat')).text).not.toContain(id);
    expect((await otherAgent.get(`/dev/kotak-surat/${id}`)).status).toBe(404);
    expect(other.user.id).not.toBe(who.user.id);
    const admin = await signedIn({ role: 'national_admin' });
    const everyone = await admin.agent.get('/dev/kotak-surat');
    expect(everyone.text).toContain('Anda melihat e-mail untuk semua orang (admin nasional).');
    expect(everyone.text).toContain(id);
  });

  it('lists failed addresses to the admins of the person’s region and lets them clear the mark', async () => {
    const person = await givenUser(t, { unitId });
    await t.get(AddressFailuresService).mark(
      {
        id: person.user.id,
        name: person.user.name,
        email: person.user.email,
        locale: 'id',
        regionCode: '12.71',
        active: true,
      },
      550,
      '550 Mailbox unavailable',
    );
    const medan = await signedIn({ role: 'unit_admin', scopeRegionCode: '12.71' });
    const gorontalo = await signedIn({ role: 'unit_admin', scopeRegionCode: '75.71' });
    const learner = await signedIn();

    const page = await medan.agent.get('/admin/surel-gagal');
    expect(page.status).toBe(200);
    expect(page.text).toContain(person.user.email!);
    expect(page.text).toContain('550 Mailbox unavailable');
    expect((await gorontalo.agent.get('/admin/surel-gagal')).text).not.toContain(person.user.email!);
    expect((await learner.agent.get('/admin/surel-gagal')).status).toBe(403);

    const id = /action="\/admin\/surel-gagal\/([0-9a-f-]{36})\/hapus"/.exec(page.text)![1];
    const refused = await gorontalo.agent
      .post(`/admin/surel-gagal/${id}/hapus`)
      .type('form')
      .send({ _csrf: csrfOf((await gorontalo.agent.get('/admin/surel-gagal')).text) });
    expect(refused.status).toBe(404);
    const cleared = await medan.agent
      .post(`/admin/surel-gagal/${id}/hapus`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(cleared.status).toBe(303);
    const after = await medan.agent.get('/admin/surel-gagal?ok=cleared');
    expect(after.text).toContain('Tanda dihapus');
    expect(after.text).not.toContain(person.user.email!);
  });
});
