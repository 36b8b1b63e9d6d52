import { Clock } from '../../libs/common';
import { RateLimiterService, rateKey } from '../../libs/rate-limit';
import {
  browserAgent,
  BrowserAgent,
  createTestApp,
  csrfOf,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import { IkmResponse } from '../../src/modules/development-plans/public-feedback/entities';
import type { UnitView } from '../../src/modules/organisation/organisation.api';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
const ALL_FOUR = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`u${n}`, '4']));

describe('the public satisfaction survey pages', () => {
  let t: TestApp;
  let now: Date;
  let unit: UnitView;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    now = new Date('2026-03-02T02:00:00Z');
    unit = await givenUnit(t, '36.74');
    tangselAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '36.74',
      unitId: (await givenUnit(t, '36.74', 'training_unit')).id,
    });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71' });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    const limiter = t.get(RateLimiterService);
    for (const ip of ['127.0.0.1', '::ffff:127.0.0.1', '::1']) await limiter.reset(rateKey('ikm-ip', ip));
  });

  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const stored = () => t.dataSource.getRepository(IkmResponse).countBy({ unitId: unit.id });

  /** Opens the page, reads for `wait` seconds, and sends the form with these fields. */
  async function fillIn(phone: BrowserAgent, fields: Record<string, string>, wait = 30) {
    const page = await phone.get(`/skm/${unit.code}`);
    expect(page.status).toBe(200);
    later(wait);
    return phone
      .post(`/skm/${unit.code}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), formToken: tokenOf(page.text), website: '', ...fields });
  }

  it('shows the nine questions in Bahasa Indonesia, phone-sized and without script', async () => {
    const res = await browserAgent(t).get(`/skm/${unit.code}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="id">');
    expect(res.text).toContain('Survei Kepuasan Masyarakat');
    expect(res.text).toContain(unit.name);
    expect(res.text).toContain('Periode survei: Semester 1 2026');
    for (let n = 1; n <= 9; n++) expect(res.text.match(new RegExp(`type="radio" id="u${n}-\\d"`, 'g'))).toHaveLength(4);
    expect(res.text).toContain('Tidak sopan dan ramah');
    expect(res.text).toContain('Dikelola dengan baik');
    expect(res.text).not.toContain('<script');
    expect(res.text).toContain('name="viewport"');
    expect(Buffer.byteLength(res.text)).toBeLessThan(100 * 1024);
    expect(String(res.headers['set-cookie'])).toMatch(/bina_survei=.*HttpOnly/i);
  });

  it('shows the same page in English when chosen', async () => {
    const res = await browserAgent(t).get(`/skm/${unit.code}`).set('cookie', 'lang=en');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Public Satisfaction Survey');
    expect(res.text).toContain('How polite and friendly were the staff?');
    expect(res.text).not.toContain('Survei Kepuasan Masyarakat');
  });

  it('answers an unknown unit with the not-found page', async () => {
    const res = await browserAgent(t).get('/skm/TIDAK-ADA');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Halaman tidak ditemukan.');
  });

  it('points out an unanswered question and keeps the other answers', async () => {
    const { u3: _left, ...rest } = ALL_FOUR;
    const res = await fillIn(browserAgent(t), { ...rest, u5: '2', occupation: 'wirausaha' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Pilih salah satu jawaban untuk pertanyaan 3 (Waktu penyelesaian).');
    expect(res.text).toContain('href="#u3-1"');
    expect(res.text).toMatch(/id="u5-2" name="u5" value="2" required checked/);
    expect(res.text).toMatch(/<option value="wirausaha" selected>/);
    expect(await stored()).toBe(0);
  });

  it('asks for a moment more when sent too fast, and refuses the hidden field, storing nothing', async () => {
    const phone = browserAgent(t);
    const hasty = await fillIn(phone, ALL_FOUR, 1);
    expect(hasty.status).toBe(422);
    expect(hasty.text).toContain('Mohon luangkan waktu membaca setiap pertanyaan');
    expect(hasty.text).toMatch(/id="u9-4" name="u9" value="4" required checked/);
    const bot = await fillIn(phone, { ...ALL_FOUR, website: 'http://promo.example' });
    expect(bot.status).toBe(422);
    expect(bot.text).toContain('Jawaban tidak dapat diterima.');
    expect(await stored()).toBe(0);
  });

  it('thanks the person, then politely refuses a second response from the same phone this period (409)', async () => {
    const phone = browserAgent(t);
    const page = await phone.get(`/skm/${unit.code}`);
    later(30);
    const form = { _csrf: csrfOf(page.text), formToken: tokenOf(page.text), website: '', ...ALL_FOUR };
    const sent = await phone
      .post(`/skm/${unit.code}`)
      .type('form')
      .send({ ...form, suggestion: '<script>alert(1)</script> Antrean terlalu panjang' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/skm/${unit.code}?ok=terkirim`);
    const thanks = await phone.get(sent.headers.location);
    expect(thanks.text).toContain('Terima kasih! Jawaban Anda untuk periode Semester 1 2026 telah kami terima.');
    expect(thanks.text).not.toContain('name="u1"');

    const again = await phone.post(`/skm/${unit.code}`).type('form').send(form);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Perangkat ini sudah mengisi survei unit ini untuk periode Semester 1 2026.');
    expect(await stored()).toBe(1);
  });

  it('gives the unit admin the index over time, the chart, the escaped suggestion and the QR code to print', async () => {
    later(60);
    const admin = browserAgent(t);
    await signInThroughPages(admin, tangselAdmin.username, tangselAdmin.password);
    const index = await admin.get('/admin/ikm');
    expect(index.status).toBe(200);
    expect(index.text).toContain(`/admin/ikm/${unit.code}`);
    expect(index.text).toContain('100,00');
    const opened = await admin.get(`/admin/ikm?unit=${unit.code}`);
    expect(opened.status).toBe(303);

    const page = await admin.get(`/admin/ikm/${unit.code}`);
    expect(page.status).toBe(200);
    const row = /<tr id="periode-2026-S1">([\s\S]*?)<\/tr>/.exec(page.text)![1];
    expect(
      row
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Semester 1 2026 1 100,00 A (Sangat Baik) 0 0 (0) 0');
    expect(page.text).toMatch(/<svg class="chart"[^>]*role="img"/);
    expect(page.text).toContain('<title>Semester 1 2026: 100,00</title>');
    const occupations = /<table id="profil-occupation">([\s\S]*?)<\/table>/.exec(page.text)![1];
    expect(
      occupations
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Pekerjaan utama Pekerjaan utama Responden Tidak diisi 1');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Antrean terlalu panjang');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain(`${t.config.publicUrl}/skm/${unit.code}`);
    expect(page.text).toMatch(/<path d="(M\d+ \d+h1v1h-1z)+" fill="#000"\/>/);

    const poster = await admin.get(`/admin/ikm/${unit.code}/cetak`);
    expect(poster.status).toBe(200);
    expect(poster.text).toContain('Bagaimana pelayanan kami hari ini?');

    const english = await admin.get(`/admin/ikm/${unit.code}`).set('cookie', 'lang=en');
    expect(english.text).toContain('A (Very good)');
    expect(english.text).toContain('100.00');
  });

  it('shows another region’s unit to its admin as not found', async () => {
    const other = browserAgent(t);
    await signInThroughPages(other, medanAdmin.username, medanAdmin.password);
    expect((await other.get(`/admin/ikm/${unit.code}`)).status).toBe(404);
    expect((await other.get(`/admin/ikm/${unit.code}/cetak`)).status).toBe(404);
    expect((await other.get('/admin/ikm')).text).not.toContain(unit.code);
  });

  it('lets the national admin set the period length and minimum fill time, and nobody else', async () => {
    const national = await givenUser(t, { role: 'national_admin' });
    const agent = browserAgent(t);
    await signInThroughPages(agent, national.username, national.password);
    const index = await agent.get('/admin/ikm');
    expect(index.text).toContain('Pengaturan survei (nasional)');
    const wrong = await agent
      .post('/admin/ikm/pengaturan')
      .type('form')
      .send({ _csrf: csrfOf(index.text), periodKind: 'quarter', minFillSeconds: '500' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="galat-minFillSeconds"/);
    const saved = await agent
      .post('/admin/ikm/pengaturan')
      .type('form')
      .send({ _csrf: csrfOf(index.text), periodKind: 'quarter', minFillSeconds: '5' });
    expect(saved.status).toBe(303);
    const after = await agent.get(saved.headers.location);
    expect(after.text).toContain('Pengaturan survei tersimpan.');
    expect(after.text).toContain('Periode survei: triwulanan. Waktu isi minimum: 5 detik.');
    expect((await browserAgent(t).get(`/skm/${unit.code}`)).text).toContain('Periode survei: Triwulan 1 2026');

    const unitAdmin = browserAgent(t);
    await signInThroughPages(unitAdmin, tangselAdmin.username, tangselAdmin.password);
    const own = await unitAdmin.get('/admin/ikm');
    expect(own.text).not.toContain('Pengaturan survei (nasional)');
    const refused = await unitAdmin
      .post('/admin/ikm/pengaturan')
      .type('form')
      .send({ _csrf: csrfOf(own.text), periodKind: 'year' });
    expect(refused.status).toBe(403);
    await agent
      .post('/admin/ikm/pengaturan')
      .type('form')
      .send({ _csrf: csrfOf(index.text), periodKind: 'semester', minFillSeconds: '8' });
  });

  it('answers a flood from one address with 429 and Retry-After', async () => {
    const phone = browserAgent(t);
    const page = await phone.get(`/skm/${unit.code}`);
    let last = await phone
      .post(`/skm/${unit.code}`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    for (let i = 0; i < 40 && last.status !== 429; i++)
      last = await phone
        .post(`/skm/${unit.code}`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.text).toContain('Terlalu banyak jawaban dikirim dari jaringan ini.');
  });
});
