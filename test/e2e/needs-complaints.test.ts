import { Clock } from '../../libs/common';
import {
  asUser,
  browserAgent,
  fakeNip,
  createTestApp,
  csrfOf,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';
import { GapService } from '../../src/modules/development-plans/needs/gap.service';
import { NeedsSignals } from '../../src/modules/development-plans/needs-signals/needs-signals.service';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import type { UnitView } from '../../src/modules/organisation/organisation.api';

describe('needs signals: public complaints per unit, theme and month', () => {
  let t: TestApp;
  let medanAdmin: GivenUser;
  let gorontaloAdmin: GivenUser;
  let nationalAdmin: GivenUser;
  const asOf = new Date('2026-05-10T03:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => asOf);
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71' });
    gorontaloAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71' });
    nationalAdmin = await givenUser(t, { role: 'national_admin' });
  });
  afterAll(() => t.close());

  const importCsv = (who: GivenUser, lines: string[]) =>
    t
      .http()
      .post('/api/development-plans/complaints/import')
      .set('authorization', who.auth)
      .attach('file', Buffer.from(lines.join('\n')), 'pengaduan.csv');
  const mapTheme = (who: GivenUser, theme: string, competencyCodes: string[]) =>
    asUser(t, who).put('/api/development-plans/complaints/themes', { theme, competencyCodes });
  const monthly = (unit: UnitView, area: string, theme: string, counts: number[]) =>
    ['2026-01', '2026-02', '2026-03', '2026-04'].map((p, i) => `${unit.code};${area};${theme};${p};${counts[i]}`);
  /** An ASN of the unit whose position requires these levels (no evidence: every level is a gap). */
  const givenClerk = async (unit: UnitView, standard: Record<string, number>) => {
    const org = t.get(OrganisationApi);
    const position = await org.ensurePosition({ code: `PGD-${unit.code}`, name: 'Petugas loket', kind: 'functional' });
    await org.setStandard(position.id, {
      requirements: Object.entries(standard).map(([competencyCode, requiredLevel]) => ({
        competencyCode,
        requiredLevel,
      })),
    });
    const account = await t.get(IdentityApi).provisionAccount({
      name: 'Petugas Loket',
      role: 'learner',
      password: 'Kata-Sandi-Uji-2026',
      email: `loket-${unit.code.toLowerCase()}@uji.bina.id`,
      nip: fakeNip(),
      employeeType: 'PNS',
      golongan: 'II/c',
      unitId: unit.id,
      positionId: position.id,
    });
    return account.id;
  };
  const priorities = async (units: UnitView[]) => {
    const map = await t.get(NeedsSignals).complaintPriorities(
      units.map((u) => u.id),
      asOf,
    );
    return Object.fromEntries([...map].map(([unitId, codes]) => [unitId, [...codes].sort()]));
  };

  it('names every wrong row of an import and writes nothing', async () => {
    const dukcapil = await givenUnit(t, '12.71');
    const gorontalo = await givenUnit(t, '75.71');
    const res = await importCsv(medanAdmin, [
      'kode_unit;layanan;tema;periode;jumlah',
      `${dukcapil.code};Loket KTP;Petugas tidak ramah;2026-04;12`,
      `${dukcapil.code};Loket KTP;Petugas tidak ramah;04-2026;3`,
      `${dukcapil.code};Loket KTP;Antrean lama;2026-07;3`,
      `${dukcapil.code};Loket KTP;Antrean lama;2026-03;-1`,
      `TIDAK-ADA;Loket KTP;Antrean lama;2026-03;1`,
      `${gorontalo.code};Loket KTP;Antrean lama;2026-03;1`,
      `${dukcapil.code};loket  ktp;PETUGAS TIDAK RAMAH;2026-04;2`,
    ]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PLANS.SIGNALS_IMPORT_INVALID');
    expect(res.body.details.fields.map((f: { field: string; rule: string }) => [f.field, f.rule])).toEqual([
      ['line 3: period', 'format'],
      ['line 4: period', 'not_future'],
      ['line 5: count', 'integer'],
      ['line 8: period', 'duplicate'],
      ['line 6: unitCode', 'unknown_unit'],
      ['line 7: unitCode', 'unknown_unit'],
    ]);
    const trends = await asUser(t, medanAdmin).get(`/api/development-plans/complaints?unitId=${dukcapil.id}`);
    expect(trends.body.total).toBe(0);
  });

  it('prioritises the mapped competencies of a unit whose complaints rise', async () => {
    const dukcapil = await givenUnit(t, '12.71');
    const rsud = await givenUnit(t, '12.71.08');
    const quiet = await givenUnit(t, '12.71');
    expect((await mapTheme(medanAdmin, 'Petugas tidak ramah', ['M.05', 'm.03'])).status).toBe(200);
    expect((await mapTheme(nationalAdmin, 'Antrean lama', ['M.04'])).status).toBe(200);
    const unknown = await mapTheme(medanAdmin, 'Pungutan liar', ['X.99']);
    expect(unknown.status).toBe(422);

    const imported = await importCsv(medanAdmin, [
      ...monthly(dukcapil, 'Loket KTP', 'Petugas tidak ramah', [10, 10, 10, 12]), // +20%: rising
      ...monthly(dukcapil, 'Loket KTP', 'Antrean lama', [8, 8, 8, 8]), // flat
      ...monthly(rsud, 'IGD', 'Antrean lama', [2, 3, 4, 9]), // rising, mapped nationally
      ...monthly(rsud, 'IGD', 'Pungutan liar', [1, 1, 1, 9]), // rising but not mapped
      ...monthly(quiet, 'Loket', 'Petugas tidak ramah', [6, 6, 6, 7]), // +17%: not rising
    ]);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 20, replaced: 0 });

    expect(await priorities([dukcapil, rsud, quiet])).toEqual({
      [dukcapil.id]: ['M.03', 'M.05'],
      [rsud.id]: ['M.04'],
    });
    // The needs analysis of someone working there: a one-level M.03 gap rises from low to medium.
    const clerk = await givenClerk(dukcapil, { 'M.03': 1 });
    const m03 = async () => (await t.get(GapService).gapsOf(clerk)).rows.find((r) => r.competencyCode === 'M.03');
    expect(await m03()).toMatchObject({ gap: 1, priority: 'medium' });

    // Medan's own mapping of a theme overrides the national one for its units.
    await mapTheme(medanAdmin, 'antrean  LAMA', ['M.08']);
    expect((await priorities([rsud]))[rsud.id]).toEqual(['M.08']);

    // Correcting April by the form: 11 is under the threshold, so the rise is gone.
    const corrected = await asUser(t, medanAdmin).post('/api/development-plans/complaints', {
      unitId: dukcapil.id,
      serviceArea: 'Loket KTP',
      theme: 'Petugas tidak ramah',
      period: '2026-04',
      count: 11,
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toEqual({ replaced: true });
    expect(await priorities([dukcapil])).toEqual({});
    expect(await m03()).toMatchObject({ gap: 1, priority: 'low' });

    // The trend list shows each theme's months and the "rising" verdict.
    const trends = await asUser(t, medanAdmin).get(`/api/development-plans/complaints?unitId=${rsud.id}`);
    expect(trends.body.items).toHaveLength(1);
    const igd = trends.body.items[0].series.find((s: { theme: string }) => s.theme === 'Antrean lama');
    expect(igd.months.map((m: { count: number | null }) => m.count)).toEqual([null, null, 2, 3, 4, 9]);
    expect(igd).toMatchObject({
      verdict: { rising: true, latestPeriod: '2026-04', baselineMean: 3 },
      competencyCodes: ['M.08'],
    });

    // A re-import of the same months replaces them and says so.
    const again = await importCsv(medanAdmin, monthly(quiet, 'Loket', 'Petugas tidak ramah', [6, 6, 6, 9]));
    expect(again.body).toEqual({ imported: 4, replaced: 4 });
    expect(await priorities([quiet])).toEqual({ [quiet.id]: ['M.03', 'M.05'] });
  });

  it('keeps admins to the units of their region', async () => {
    const medanUnit = await givenUnit(t, '12.71');
    const record = (who: GivenUser, body: object) => asUser(t, who).post('/api/development-plans/complaints', body);
    const body = { unitId: medanUnit.id, serviceArea: 'Loket', theme: 'Antrean lama', period: '2026-04', count: 3 };
    expect((await record(gorontaloAdmin, body)).status).toBe(404);
    expect((await record(medanAdmin, body)).status).toBe(201);
    expect((await record(medanAdmin, { ...body, period: '2026-06' })).status).toBe(422);
    expect((await record(medanAdmin, { ...body, count: -1 })).status).toBe(400);

    const theirs = await asUser(t, gorontaloAdmin).get('/api/development-plans/complaints?pageSize=100');
    expect(theirs.body.items.map((i: { unit: { id: string } }) => i.unit.id)).not.toContain(medanUnit.id);
    const mine = await asUser(t, medanAdmin).get(`/api/development-plans/complaints?unitId=${medanUnit.id}`);
    expect(mine.body.items[0].unit).toMatchObject({ id: medanUnit.id, code: medanUnit.code });

    // Gorontalo sees the national mapping but not Medan's.
    const themes = await asUser(t, gorontaloAdmin).get('/api/development-plans/complaints/themes');
    expect(
      themes.body.themes.every((m: { scopeKey: string }) => m.scopeKey === '' || m.scopeKey.startsWith('75')),
    ).toBe(true);
  });

  it('shows each unit’s themes with a server-drawn trend and a “naik” marker, and takes the form, the file and the mapping', async () => {
    const region = await givenUnit(t, '12.71.08');
    const page = browserAgent(t);
    await signInThroughPages(page, medanAdmin.username, medanAdmin.password);
    const empty = await page.get('/admin/pengaduan');
    expect(empty.status).toBe(200);

    const wrongUnit = await page
      .post('/admin/pengaduan')
      .type('form')
      .send({
        _csrf: csrfOf(empty.text),
        unitCode: 'TIDAK-ADA',
        serviceArea: 'Loket',
        theme: 'Antrean lama',
        period: '2026-04',
        count: '3',
      });
    expect(wrongUnit.status).toBe(422);
    expect(wrongUnit.text).toContain('unitCode');

    const csv = (lines: string[]) =>
      page
        .post(`/admin/pengaduan/impor?_csrf=${encodeURIComponent(csrfOf(empty.text))}`)
        .attach('file', Buffer.from(lines.join('\n')), 'pengaduan.csv');
    const bad = await csv([`${region.code};Loket;Sikap petugas;2026-4;3`]);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Baris 1, Periode');
    const good = await csv([
      ...monthly(region, 'Poli umum', 'Sikap petugas', [4, 4, 4, 6]),
      ...monthly(region, 'Poli umum', 'Obat kosong', [5, 5, 5, 5]),
    ]);
    expect(good.status).toBe(303);
    const shown = await page.get(good.headers.location as string);
    expect(shown.text).toContain('8 baris diimpor (0 menggantikan data sebelumnya).');
    const rows = shown.text.split('<tr>').filter((r) => r.includes('Poli umum'));
    const rising = rows.find((r) => r.includes('Sikap petugas'))!;
    const flat = rows.find((r) => r.includes('Obat kosong'))!;
    expect(rising).toMatch(/<strong><span aria-hidden="true">▲ <\/span>naik<\/strong>/);
    expect(rising).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Sikap petugas: 2025-11 tidak dicatat, 2025-12 tidak dicatat, 2026-01 4, 2026-02 4, 2026-03 4, 2026-04 6"/,
    );
    expect(rising).toContain('<polyline');
    expect(rising).toContain('belum dipetakan');
    expect(flat).not.toContain('naik');
    expect(Buffer.byteLength(shown.text)).toBeLessThan(100_000);

    const themes = await page.get('/admin/pengaduan/tema');
    const mapped = await page
      .post('/admin/pengaduan/tema')
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(csrfOf(themes.text))}&theme=Sikap+petugas&competencyCodes=M.05&competencyCodes=M.03`,
      );
    expect(mapped.status).toBe(303);
    expect((await page.get('/admin/pengaduan/tema')).text).toContain('Sikap petugas');
    const after = (await page.get('/admin/pengaduan')).text.split('<tr>').find((r) => r.includes('Sikap petugas'))!;
    expect(after).toContain('M.05, M.03');
    expect(await priorities([region])).toEqual({ [region.id]: ['M.03', 'M.05'] });
  });
});
