import QRCode from 'qrcode';
import type { Response } from 'superagent';
import { newId } from '../../libs/common';
import { CertificateExport } from '../../src/modules/certification/entities';
import { formatNip } from '../../src/modules/identity/domain/nip';
import { RateLimiterService, rateKey } from '../../libs/rate-limit';
import {
  asUser,
  browserAgent,
  BrowserAgent,
  createTestApp,
  csrfOf,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

const EVIDENCE = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The opening and closing tags of the verification answer, without text or attribute values. */
const verdictShape = (html: string) => {
  const section = /<section class="card verdict[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return section.match(/<\/?[a-z0-9]+/g);
};
const binary = (res: { body: unknown }) => res.body as Buffer;
/** Reads any response body as bytes (supertest only buffers the types it knows). */
const bytes = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the certificate pages', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let tangselUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    tangselUnitId = (await givenUnit(t, '36.74', 'training_unit')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId: tangselUnitId });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangselUnitId });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71', 'training_unit')).id,
    });
  });
  afterAll(() => t.close());

  /** Learners of Kota Tangerang Selatan who finished one course; certificates issued by the queued jobs. */
  async function givenCompletions(title: string, count = 1) {
    const course = await givenPublishedCourse(t, instructor.auth, {
      title,
      jp: 2.5,
      competencies: [{ code: 'M.05', level: 3 }],
    });
    const learners: GivenUser[] = [];
    for (let i = 0; i < count; i++) {
      const learner = await givenUser(t, { unitId: (await givenUnit(t, '36.74')).id });
      expect((await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/enrolment`)).status).toBe(200);
      for (const id of course.lessonIds)
        await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`);
      learners.push(learner);
    }
    await t.drain();
    const certificates = [];
    for (const learner of learners) {
      const mine = await asUser(t, learner).get('/api/certification/me/certificates');
      certificates.push(mine.body.certificates[0] as { id: string; verificationCode: string; holderName: string });
    }
    return { course, learners, certificates };
  }

  async function signedIn(who: GivenUser): Promise<BrowserAgent> {
    const agent = browserAgent(t);
    expect((await signInThroughPages(agent, who.username, who.password)).status).toBe(303);
    return agent;
  }

  it('lists the learner’s certificates with their downloads, and the evidence of learning elsewhere', async () => {
    const { learners, certificates } = await givenCompletions('Etika Pelayanan Publik');
    const [learner] = learners;
    const [certificate] = certificates;
    const recorded = await asUser(t, learner)
      .post('/api/learning/external-activities')
      .field('formCode', 'seminar')
      .field('title', 'Seminar Nasional Reformasi Birokrasi')
      .field('organiser', 'LAN RI')
      .field('startDate', '2026-03-02')
      .field('endDate', '2026-03-03')
      .field('days', '2')
      .attach('file', EVIDENCE, { filename: 'sertifikat-seminar.pdf', contentType: 'application/pdf' });
    expect(recorded.status).toBe(201);

    const agent = await signedIn(learner);
    const home = await agent.get('/beranda');
    expect(home.text).toContain('<a href="/sertifikat">Sertifikat</a>');
    const list = await agent.get('/sertifikat');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.text).toContain('Etika Pelayanan Publik');
    expect(list.text).toContain('2,5 JP');
    expect(list.text).toContain('>Sah<');
    expect(list.text).toContain(`href="/api/certification/certificates/${certificate.id}/pdf"`);
    expect(list.text).toContain(`href="/api/certification/certificates/${certificate.id}/credential"`);
    expect(list.text).toContain(`href="/verifikasi/${certificate.verificationCode}"`);
    expect(list.text).toContain('Sertifikat dari luar platform');
    expect(list.text).toContain('Seminar Nasional Reformasi Birokrasi');
    expect(list.text).toContain(`href="/api/learning/external-activities/${recorded.body.id}/evidence"`);
    expect(Buffer.byteLength(list.text)).toBeLessThan(100 * 1024);

    // The links work with the page session: no token needed.
    const pdf = await agent.get(`/api/certification/certificates/${certificate.id}/pdf`).buffer(true);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(binary(pdf).subarray(0, 4).toString()).toBe('%PDF');
    const evidence = await agent.get(`/api/learning/external-activities/${recorded.body.id}/evidence`).buffer(true);
    expect(binary(evidence).equals(EVIDENCE)).toBe(true);

    const detail = await agent.get(`/sertifikat/${certificate.id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain(formatNip(learner.user.nip!));
    expect(detail.text).toMatch(/M\.05 Pelayanan Publik · level 3/);
    expect(detail.text).toContain(certificate.verificationCode);

    const stranger = await signedIn(await givenUser(t, { unitId: learner.user.unitId! }));
    const theirs = await stranger.get(`/sertifikat/${certificate.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.headers['content-type']).toContain('text/html');
  });

  it('verifies a code for anyone, showing the allowed facts and never the NIP, in one shape for every status', async () => {
    const { learners, certificates } = await givenCompletions('Pelayanan Publik Inklusif', 2);
    const [valid, revoked] = certificates;
    const nip = learners[0].user.nip!;

    const form = await t.http().get('/verifikasi');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<label for="kode">Kode verifikasi</label>');
    const typed = await t
      .http()
      .get(`/verifikasi?kode=${encodeURIComponent(` https://bina.example/verifikasi/${valid.verificationCode} `)}`);
    expect(typed.status).toBe(303);
    expect(typed.headers.location).toBe(`/verifikasi/${valid.verificationCode}`);

    const page = await t.http().get(`/verifikasi/${valid.verificationCode}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('<strong>Sah</strong>');
    expect(page.text).toContain(learners[0].user.name);
    expect(page.text).toContain('Pelayanan Publik Inklusif');
    expect(page.text).toContain('<dd>2,5</dd>');
    for (const secret of [nip, formatNip(nip), learners[0].user.id, learners[0].username, valid.id])
      expect(page.text).not.toContain(secret);

    expect(
      (
        await asUser(t, tangselAdmin)
          .post(`/api/certification/certificates/${revoked.id}/revocation`)
          .send({ reason: 'Data kelulusan keliru' })
      ).status,
    ).toBe(200);
    const revokedPage = await t.http().get(`/verifikasi/${revoked.verificationCode}`);
    expect(revokedPage.text).toMatch(/<strong>Dicabut pada \d{1,2} \w+ \d{4}<\/strong>/);
    expect(revokedPage.text).not.toContain('Data kelulusan keliru');
    const unknown = await t.http().get('/verifikasi/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('<strong>Tidak dikenal</strong>');
    const garbage = await t.http().get(`/verifikasi/${encodeURIComponent('<script>x</script>')}`);
    expect(garbage.text).toContain('<strong>Tidak dikenal</strong>');
    expect(garbage.text).not.toContain('<script>x');

    expect(verdictShape(page.text)?.length).toBeGreaterThan(10);
    expect(verdictShape(revokedPage.text)).toEqual(verdictShape(page.text));
    expect(verdictShape(unknown.text)).toEqual(verdictShape(page.text));
  });

  it('answers too many checks from one address with a friendly 429 page', async () => {
    const limiter = t.get(RateLimiterService);
    const key = rateKey('verify-ip', '127.0.0.1');
    // One hit over a limit of one blocks the address (earlier checks of this file may already be counted).
    await limiter.consume(key, { limit: 1, windowMs: 60_000 }, 'blocked').catch(() => undefined);
    try {
      const res = await t.http().get('/verifikasi/AAAAAAAAAAAAAAAAAAAAAAAA');
      expect(res.status).toBe(429);
      expect(res.headers['content-type']).toContain('text/html');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.text).toMatch(/Terlalu banyak pemeriksaan dari alamat Anda\. Coba lagi dalam \d+ detik\./);
    } finally {
      await limiter.reset(key);
    }
  });

  it('lets the unit admin revoke (a reason is required) and re-issue, with the problem beside its field', async () => {
    const { course, certificates } = await givenCompletions('Manajemen Pengaduan', 2);
    const [first, second] = certificates;
    const agent = await signedIn(tangselAdmin);

    const picker = await agent.get('/admin/sertifikat');
    expect(picker.text).toContain(`<option value="${course.courseId}">Manajemen Pengaduan`);
    const picked = await agent.get(`/admin/sertifikat?courseId=${course.courseId}`);
    expect(picked.headers.location).toBe(`/admin/sertifikat/kursus/${course.courseId}`);
    const url = picked.headers.location as string;
    const list = await agent.get(url);
    expect(list.status).toBe(200);
    expect(list.text).toContain(first.holderName);
    expect(list.text).toContain('2 sertifikat');

    const empty = await agent
      .post(`/admin/sertifikat/${first.id}/cabut`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(
      new RegExp(`<textarea id="alasan-revoke-${first.id}"[^>]* aria-invalid="true" aria-describedby="galat-reason">`),
    );
    expect(empty.text).toMatch(
      /<p class="field-error" id="galat-reason">Tuliskan alasan, paling sedikit 5 karakter\.<\/p>/,
    );
    const short = await agent
      .post(`/admin/sertifikat/${first.id}/cabut`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), reason: 'abc' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('>abc</textarea>');
    const done = await agent
      .post(`/admin/sertifikat/${first.id}/cabut`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), reason: 'Nilai ujian tertukar' });
    expect(done.status).toBe(303);

    const revoked = await agent.get(done.headers.location as string);
    expect(revoked.text).toContain('Sertifikat dicabut.');
    expect(revoked.text).toMatch(/Dicabut pada .* — Alasan: Nilai ujian tertukar/);
    const again = await agent
      .post(`/admin/sertifikat/${first.id}/cabut`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), reason: 'Dicabut dua kali' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Sertifikat ini sudah dicabut atau diterbitkan ulang.');

    const filtered = await agent.get(`${url}?status=revoked`);
    expect(filtered.text).toContain('1 sertifikat');
    expect(filtered.text).toContain(first.holderName);
    expect(filtered.text).not.toContain(second.holderName);

    const reissued = await agent
      .post(`/admin/sertifikat/${second.id}/terbitkan-ulang`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), reason: 'Nama peserta salah ketik' });
    expect(reissued.status).toBe(303);
    const after = await agent.get(reissued.headers.location as string);
    expect(after.text).toContain('Sertifikat diterbitkan ulang.');
    expect(after.text).toContain('3 sertifikat');
    expect(after.text).toContain('Sertifikat ini telah diganti.');
    const verification = await t.http().get(`/verifikasi/${second.verificationCode}`);
    expect(verification.text).toContain('Dicabut pada');
  });

  it('builds the ZIP of a course’s certificates with a page that follows its progress', async () => {
    const { course } = await givenCompletions('Kearsipan Digital', 2);
    const agent = await signedIn(tangselAdmin);
    const list = await agent.get(`/admin/sertifikat/kursus/${course.courseId}`);
    expect(list.text).toContain('Unduh semua (ZIP)');
    const requested = await agent
      .post(`/admin/sertifikat/kursus/${course.courseId}/ekspor`)
      .type('form')
      .send({ _csrf: csrfOf(list.text) });
    expect(requested.status).toBe(303);
    const exportUrl = requested.headers.location as string;
    expect(exportUrl).toMatch(/^\/admin\/sertifikat\/ekspor\/[0-9a-f-]{36}$/);

    await t.drain();
    // The job runs in the background at once; a copy held half-way shows the page while it works.
    const exports = t.dataSource.getRepository(CertificateExport);
    const built = await exports.findOneByOrFail({ id: exportUrl.split('/').pop()! });
    const halfway = { ...built, id: newId(), status: 'running' as const, doneCount: 1, fileKey: null };
    await exports.insert(halfway);
    const waiting = await agent.get(`/admin/sertifikat/ekspor/${halfway.id}`);
    expect(waiting.text).toContain('<meta http-equiv="refresh" content="2">');
    expect(waiting.text).toContain('<progress id="kemajuan" max="100" value="50">50%</progress>');
    expect(waiting.text).toContain('Sedang disiapkan…');
    expect(waiting.text).not.toContain('Unduh ZIP');
    const ready = await agent.get(exportUrl);
    expect(ready.text).toContain('<progress id="kemajuan" max="100" value="100">');
    expect(ready.text).toContain('Kemajuan: 2 dari 2 sertifikat');
    expect(ready.text).not.toContain('http-equiv="refresh"');
    const link = /href="(\/api\/certification\/certificate-exports\/[^"]+\/file)"/.exec(ready.text)?.[1];
    expect(link).toBeDefined();
    const zip = await agent.get(link!).buffer(true).parse(bytes);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(binary(zip).subarray(0, 2).toString()).toBe('PK');

    const medan = await signedIn(medanAdmin);
    expect((await medan.get(exportUrl)).status).toBe(404);
  });

  it('edits, previews and publishes the unit’s template, refusing an unknown placeholder beside its block', async () => {
    const agent = await signedIn(tangselAdmin);
    const page = await agent.get('/admin/templat-sertifikat');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Unit ini belum punya templat');
    expect(page.text).toContain('{nama} {nip} {kursus} {jp} {kompetensi} {tanggal}');
    const action = `/admin/templat-sertifikat/draf?unit=${tangselUnitId}`;
    expect(page.text).toContain(`action="${action}"`);
    const form = {
      _csrf: csrfOf(page.text),
      heading: 'SERTIFIKAT PELATIHAN',
      block0: 'Diberikan kepada',
      block1: '{nama}',
      block2: '',
      block3: 'atas keberhasilan menyelesaikan {kursus} ({jp})',
      show_nip: 'on',
      show_jp: 'on',
      show_qr: 'on',
      show_serial: 'on',
      sig0_name: 'Drs. Bambang Suryadi, M.Si.',
      sig0_nip: '19700101 199503 1 001',
      sig0_position: 'Kepala BKPSDM Kota Tangerang Selatan',
    };

    const wrong = await agent
      .post(action)
      .type('form')
      .send({ ...form, block3: 'untuk {kurusu}' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(
      'name="block3" rows="2" maxlength="600" aria-invalid="true" aria-describedby="galat-block3"',
    );
    expect(wrong.text).toMatch(/<p class="field-error" id="galat-block3">\{kurusu\} bukan penanda yang dikenal\./);
    expect(wrong.text).toContain('value="Drs. Bambang Suryadi, M.Si."');
    const badNip = await agent
      .post(action)
      .type('form')
      .send({ ...form, sig0_nip: '1970' });
    expect(badNip.status).toBe(400);
    expect(badNip.text).toContain('id="galat-sig0-nip">NIP terdiri atas 18 angka.');

    const saved = await agent.post(action).type('form').send(form);
    expect(saved.status).toBe(303);
    const draft = await agent.get(saved.headers.location as string);
    expect(draft.text).toContain('Draf tersimpan.');
    expect(draft.text).toContain('Anda sedang mengubah draf versi 1.');
    expect(draft.text).toContain('value="197001011995031001"');
    expect(draft.text).not.toMatch(/name="show_competencies" value="on" checked/);

    const logo = await QRCode.toBuffer('logo', { width: 64 });
    const upload = (content: Buffer, name: string) =>
      agent
        .post(
          `/admin/templat-sertifikat/gambar/logo?unit=${tangselUnitId}&_csrf=${encodeURIComponent(csrfOf(draft.text))}`,
        )
        .attach('file', content, { filename: name });
    const notImage = await upload(Buffer.from('bukan gambar'), 'logo.txt');
    expect(notImage.status).toBe(422);
    expect(notImage.text).toContain('id="galat-logo"');
    expect(notImage.text).toContain('Unggah gambar PNG atau JPEG.');
    // It starts like a PNG, but is not one: it would have failed every certificate once published.
    const damaged = await upload(Buffer.concat([logo.subarray(0, 40), Buffer.alloc(200, 7)]), 'rusak.png');
    expect(damaged.status).toBe(422);
    expect(damaged.text).toContain('Berkas gambar ini rusak atau tidak dapat dibaca');
    expect((await upload(logo, 'logo.png')).status).toBe(303);

    const withLogo = await agent.get(`/admin/templat-sertifikat?unit=${tangselUnitId}`);
    const preview = /href="(\/api\/certification\/units\/[^"]+\/template\/preview)"/.exec(withLogo.text)?.[1];
    const pdf = await agent.get(preview!).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(binary(pdf).subarray(0, 4).toString()).toBe('%PDF');

    const published = await agent
      .post(`/admin/templat-sertifikat/terbitkan?unit=${tangselUnitId}`)
      .type('form')
      .send({ _csrf: csrfOf(withLogo.text) });
    expect(published.status).toBe(303);
    const history = await agent.get(published.headers.location as string);
    expect(history.text).toContain('Templat diterbitkan.');
    expect(history.text).toContain('Versi 1 — dipakai sejak');
    expect(history.text).toContain('Versi 1 sedang dipakai.');
  });

  it('shows another region’s certificates, templates and exports to a unit admin as not found', async () => {
    const { course, certificates } = await givenCompletions('Pengelolaan Barang Milik Daerah');
    const medan = await signedIn(medanAdmin);
    const template = await medan.get(`/admin/templat-sertifikat?unit=${tangselUnitId}`);
    expect(template.status).toBe(404);
    expect(template.text).toContain('Halaman tidak ditemukan.');
    const list = await medan.get(`/admin/sertifikat/kursus/${course.courseId}`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(certificates[0].holderName);
    const revoke = await medan
      .post(`/admin/sertifikat/${certificates[0].id}/cabut`)
      .type('form')
      .send({ _csrf: csrfOf(list.text), reason: 'Mencoba wilayah lain' });
    expect(revoke.status).toBe(404);
    const learner = await signedIn(await givenUser(t, { unitId: tangselUnitId }));
    expect((await learner.get(`/admin/sertifikat/kursus/${course.courseId}`)).status).toBe(403);
  });
});
