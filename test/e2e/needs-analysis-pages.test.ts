import { Clock } from '../../libs/common';
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
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import { givenAsn, givenEvidence, givenPosition } from './needs-analysis.fixtures';

/** The needs analysis pages, as people use them in a browser without script. */
describe('needs analysis pages', () => {
  let t: TestApp;
  let unit: { id: string; code: string; name: string };
  let admin: GivenUser;
  let asn: Awaited<ReturnType<typeof givenAsn>>;
  let positionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T02:00:00Z'));
    unit = await givenUnit(t, '36.74');
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id });
    positionId = await givenPosition(t, { 'M.01': 3, 'M.02': 2 });
    asn = await givenAsn(t, unit.id, positionId);
    await givenEvidence(t, asn.user.id, { 'M.01': 1 });
  });
  afterAll(() => t.close());

  const signedIn = async (who: { username: string; password: string }): Promise<BrowserAgent> => {
    const agent = browserAgent(t);
    expect((await signInThroughPages(agent, who.username, who.password)).status).toBe(303);
    return agent;
  };
  const cells = (html: string) =>
    [...html.matchAll(/<tr>\s*<th scope="row">([^<]*)[\s\S]*?<\/tr>/g)].map((m) =>
      [m[1].trim(), ...[...m[0].matchAll(/<td>([^<]*)/g)].map((c) => c[1].trim())].join(' | '),
    );

  it('shows the ASN their gap table, a chart with a text alternative, under 100 KB', async () => {
    const agent = await signedIn(asn);
    const page = await agent.get('/analisis-kebutuhan');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1 id="judul">Analisis Kebutuhan Saya</h1>');
    expect(cells(page.text)).toEqual(['M.01 Integritas | 3 | 1 | 2 | Sedang', 'M.02 Kerjasama | 2 | 0 | 2 | Sedang']);
    expect(page.text).toContain('(kegiatan luar)');
    expect(page.text).toMatch(/<svg [^>]*role="img" aria-labelledby="grafik-judul grafik-desk"/);
    expect(page.text).toContain('Integritas: dibutuhkan 3, saat ini 1.');
    expect(page.text).toContain('<figcaption>');
    expect(Buffer.byteLength(page.text)).toBeLessThan(100 * 1024);
    expect(page.text).toContain('href="/analisis-kebutuhan">Analisis kebutuhan</a>');
  });

  it('lets the ASN set a target position by its code, and says so when the code is unknown', async () => {
    const agent = await signedIn(asn);
    const next = await givenPosition(t, { 'M.01': 4 });
    const [position] = await t.get(OrganisationApi).positionsByIds([next]);
    const form = await agent.get('/analisis-kebutuhan');
    const wrong = await agent
      .post('/analisis-kebutuhan/jabatan-tujuan')
      .type('form')
      .send({ _csrf: csrfOf(form.text), positionCode: 'TIDAK-ADA' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Kode jabatan tidak dikenal.');
    const saved = await agent
      .post('/analisis-kebutuhan/jabatan-tujuan')
      .type('form')
      .send({ _csrf: csrfOf(form.text), positionCode: position.code });
    expect([saved.status, saved.headers.location]).toEqual([303, '/analisis-kebutuhan?ok=target-saved']);
    const after = await agent.get(saved.headers.location);
    expect(after.text).toContain('Jabatan tujuan tersimpan.');
    expect(after.text).toContain(position.name);
    expect(cells(after.text)[0]).toBe('M.01 Integritas | 3 | 4 | 1 | 2 | 3 | Sedang');
  });

  it('lets the unit admin record an assessment, import SKP, run the analysis and read the agency view', async () => {
    const agent = await signedIn(admin);
    const assessPage = await agent.get('/admin/analisis-kebutuhan/asesmen');
    expect(assessPage.status).toBe(200);
    const recorded = await agent
      .post('/admin/analisis-kebutuhan/asesmen')
      .type('form')
      .send({
        _csrf: csrfOf(assessPage.text),
        nip: asn.nip,
        competencyCode: 'M.02',
        level: '2',
        assessedOn: '2026-02-01',
        source: 'supervisor',
        note: '',
      });
    expect([recorded.status, recorded.headers.location]).toEqual([303, '/admin/analisis-kebutuhan/asesmen?ok=saved']);
    const listed = await agent.get(recorded.headers.location);
    expect(listed.text).toContain('Asesmen tersimpan.');
    expect(listed.text).toContain('M.02 Kerjasama: level 2 · Penilaian atasan');

    const future = await agent
      .post('/admin/analisis-kebutuhan/asesmen')
      .type('form')
      .send({
        _csrf: csrfOf(assessPage.text),
        nip: asn.nip,
        competencyCode: 'M.02',
        level: '2',
        assessedOn: '2027-02-01',
        source: 'supervisor',
      });
    expect(future.status).toBe(422);
    expect(future.text).toContain('assessedOn');

    const skpPage = await agent.get('/admin/analisis-kebutuhan/skp');
    const bad = await agent
      .post(`/admin/analisis-kebutuhan/skp?_csrf=${encodeURIComponent(csrfOf(skpPage.text))}`)
      .attach('file', Buffer.from(`NIP,Tahun,Predikat\n${asn.nip},2025,Cukup\n`), 'skp.csv');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Baris 2, Predikat:');
    const good = await agent
      .post(`/admin/analisis-kebutuhan/skp?_csrf=${encodeURIComponent(csrfOf(skpPage.text))}`)
      .attach('file', Buffer.from(`NIP,Tahun,Predikat\n${asn.nip},2025,Sangat Kurang\n`), 'skp.csv');
    expect(good.status).toBe(200);
    expect(good.text).toContain('1 predikat diimpor (0 menggantikan impor sebelumnya).');
    expect(good.text).toContain('Sangat Kurang');

    const index = await agent.get('/admin/analisis-kebutuhan');
    const started = await agent
      .post('/admin/analisis-kebutuhan/proses')
      .type('form')
      .send({ _csrf: csrfOf(index.text), regionCode: '', unitCode: unit.code });
    expect(started.status).toBe(303);
    const waiting = await agent.get(started.headers.location);
    expect(waiting.status).toBe(200);
    await t.drain();
    const done = await agent.get(started.headers.location);
    expect(done.text).toContain('Selesai');
    expect(done.text).toContain('2 ASN dianalisis, 1 baris kesenjangan');
    const agencyLink = /href="(\/admin\/analisis-kebutuhan\/kebutuhan[^"]+)"/
      .exec(done.text)![1]
      .replace(/&amp;/g, '&');

    const agency = await agent.get(agencyLink);
    expect(agency.status).toBe(200);
    // M.01: 3 − 1 = 2, medium raised by Sangat Kurang to high; M.02: 2 − 2 = 0, no need.
    expect(agency.text).toContain(`Kebutuhan pelatihan: ${unit.name}`);
    expect(agency.text).toMatch(/<td>1<\/td>\s*<th scope="row">M.01 Integritas/);
    expect(agency.text).not.toContain('M.02 Kerjasama');
    expect(agency.text).toContain(`/api/development-plans/needs/agency.csv?regionCode=36.74&amp;unitId=${unit.id}`);
    const csv = await agent.get(`/api/development-plans/needs/agency.csv?regionCode=36.74&unitId=${unit.id}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`${unit.name},1,M.01,Integritas,1,2,1,3,3,,`);

    const person = await agent.get(`/admin/analisis-kebutuhan/asn?nip=${asn.nip}`);
    expect(person.text).toContain(asn.user.name);
    expect(cells(person.text)[0]).toMatch(/^M.01 Integritas \| 3 \| 4 \| 1 \| 2 \| 3 \| Tinggi$/);
  });

  it('keeps learners out of the admin pages and other regions’ admins away from a person', async () => {
    const learner = await signedIn(asn);
    expect((await learner.get('/admin/analisis-kebutuhan')).status).toBe(403);
    const medan = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71' });
    const agent = await signedIn(medan);
    const page = await agent.get(`/admin/analisis-kebutuhan/asn?nip=${asn.nip}`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain(asn.user.name);
    expect((await agent.get(`/admin/analisis-kebutuhan/kebutuhan?regionCode=36.74`)).status).toBe(404);
  });

  it('shows a national admin the form to choose a population, and a mistyped unit code beside it', async () => {
    const national = await signedIn(await givenUser(t, { role: 'national_admin' }));
    const first = await national.get('/admin/analisis-kebutuhan/kebutuhan');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Pilih wilayah');
    expect(first.text).toContain('name="regionCode"');
    const chosen = await national.get('/admin/analisis-kebutuhan/kebutuhan?regionCode=36.74');
    expect(chosen.status).toBe(200);
    expect(chosen.text).toContain('Seluruh cakupan');

    const local = await signedIn(admin);
    const mistyped = await local.get('/admin/analisis-kebutuhan/kebutuhan?unitCode=TIDAK-ADA');
    expect(mistyped.status).toBe(422);
    expect(mistyped.text).toContain('value="TIDAK-ADA"');
    expect(mistyped.text).toMatch(/Unit|unitCode/);
  });
});
