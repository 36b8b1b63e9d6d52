import { Workbook } from 'exceljs';
import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { NeedsGap, NeedsRun } from '../../src/modules/development-plans/needs/entities';
import { NeedsRunner } from '../../src/modules/development-plans/needs/analysis/needs-runner';
import { givenAsn, givenEvidence, givenPosition } from './needs-analysis.fixtures';

const API = '/api/development-plans/needs';

/**
 * One region (36.74) with two units and four ASN in one position (M.01 ≥ 3, M.02 ≥ 2,
 * M.05 ≥ 4), and one ASN in Medan who must never count. Hand-computed gaps:
 *   a1 (evidence M.01 1):               M.01 2 medium, M.02 2 medium, M.05 4 high
 *   a2 (M.01 3, M.02 2):                M.05 4 high
 *   a3 (M.05 4, M.02 1; SKP Kurang):    M.01 3 high, M.02 1 low→medium
 *   b1 (nothing, unit B):               M.01 3 high, M.02 2 medium, M.05 4 high
 */
describe('needs analysis: a run over a region, the agency view and its exports', () => {
  let t: TestApp;
  let admin: GivenUser;
  let medanAdmin: GivenUser;
  let national: GivenUser;
  let unitA: { id: string; name: string };
  let unitB: { id: string; name: string };
  let people: Record<'a1' | 'a2' | 'a3' | 'b1', Awaited<ReturnType<typeof givenAsn>>>;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-01T02:00:00Z'));
    unitA = await givenUnit(t, '36.74');
    unitB = await givenUnit(t, '36.74');
    const medanUnit = await givenUnit(t, '12.71');
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unitA.id });
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnit.id });
    national = await givenUser(t, { role: 'national_admin' });
    const position = await givenPosition(t, { 'M.01': 3, 'M.02': 2, 'M.05': 4 });
    people = {
      a1: await givenAsn(t, unitA.id, position),
      a2: await givenAsn(t, unitA.id, position),
      a3: await givenAsn(t, unitA.id, position),
      b1: await givenAsn(t, unitB.id, position),
    };
    await givenAsn(t, medanUnit.id, position);
    await givenEvidence(t, people.a1.user.id, { 'M.01': 1 });
    await givenEvidence(t, people.a2.user.id, { 'M.01': 3, 'M.02': 2 });
    await givenEvidence(t, people.a3.user.id, { 'M.05': 4, 'M.02': 1 });
    const skp = await t
      .http()
      .post(`${API}/skp-imports`)
      .set('authorization', admin.auth)
      .attach('file', Buffer.from(`NIP,Tahun,Predikat\n${people.a3.nip},2025,Kurang\n`), 'skp.csv');
    expect(skp.status).toBe(201);
    const instructor = await givenUser(t, { role: 'instructor', unitId: unitA.id });
    await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Publik Lanjut',
      jp: 10,
      competencies: [{ code: 'M.05', level: 4 }],
    });
    await givenPublishedCourse(t, instructor.auth, {
      title: 'Pelayanan Dasar',
      jp: 2,
      competencies: [{ code: 'M.05', level: 2 }],
    });
    await givenPublishedCourse(t, instructor.auth, {
      title: '=HYPERLINK("http://contoh.test","Integritas")',
      jp: 6,
      competencies: [{ code: 'M.01', level: 3 }],
    });
  });
  afterAll(() => t.close());

  const as = (who: Pick<GivenUser, 'auth'>) => asUser(t, who);
  const runToEnd = async (who: GivenUser, body: object = {}) => {
    const started = await as(who).post(`${API}/runs`, body);
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('queued');
    await t.drain();
    const done = await as(who).get(`${API}/runs/${started.body.id}`);
    expect(done.status).toBe(200);
    return done.body;
  };
  const brief = (needs: any[]) =>
    needs.map((n) => [n.competencyCode, n.rank, n.people, n.meanGap, n.highPriority, n.score]);

  it('walks the region in batches to the end and reports its progress', async () => {
    const run = await runToEnd(admin);
    expect(run).toMatchObject({ regionCode: '36.74', unitId: null, status: 'done', processed: 4 + 2, gapRows: 9 });
    // 4 ASN with the position, plus the admin and the instructor (a NIP but no position: no rows).
    const rows = await t.dataSource.getRepository(NeedsGap).find({ where: { userId: people.b1.user.id } });
    expect(rows.map((r) => [r.competencyCode, r.gap, r.priority, r.regionCode, r.unitId]).sort()).toEqual([
      ['M.01', 3, 'high', '36.74', unitB.id],
      ['M.02', 2, 'medium', '36.74', unitB.id],
      ['M.05', 4, 'high', '36.74', unitB.id],
    ]);
  });

  it('ranks the region’s needs with hand-computed counts, mean gaps, suggestions and estimated JP', async () => {
    const res = await as(admin).get(`${API}/agency`);
    expect(res.status).toBe(200);
    expect(res.body.analysedAt).not.toBeNull();
    expect(brief(res.body.needs)).toEqual([
      ['M.05', 1, 3, 4, 3, 9],
      ['M.01', 2, 3, 2.67, 2, 8],
      ['M.02', 3, 3, 1.67, 0, 6],
    ]);
    const [m05, m01, m02] = res.body.needs;
    expect(m05.competencyName).toBe('Pelayanan Publik');
    // Only the level-4 course reaches the required level 4; 3 people × 10 JP.
    expect(m05.suggestedCourses.map((c: any) => [c.title, c.level, c.jp])).toEqual([
      ['Pelayanan Publik Lanjut', 4, 10],
    ]);
    expect(m05.estimatedJp).toBe(30);
    expect(m01.estimatedJp).toBe(18);
    expect([m02.suggestedCourses, m02.estimatedJp]).toEqual([[], null]);

    const units = Object.fromEntries(res.body.units.map((u: any) => [u.unitName, brief(u.needs)]));
    expect(units).toEqual({
      [unitA.name]: [
        ['M.05', 1, 2, 4, 2, 6],
        ['M.01', 2, 2, 2.5, 1, 5],
        ['M.02', 3, 2, 1.5, 0, 4],
      ],
      [unitB.name]: [
        ['M.05', 1, 1, 4, 1, 3],
        ['M.01', 2, 1, 3, 1, 3],
        ['M.02', 3, 1, 2, 0, 2],
      ],
    });

    const onlyB = await as(admin).get(`${API}/agency?unitId=${unitB.id}`);
    expect(brief(onlyB.body.needs)).toEqual(units[unitB.name]);
  });

  it('exports the view as CSV, with cells that would run as formulas protected', async () => {
    const res = await as(admin).get(`${API}/agency.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('kebutuhan-pelatihan-36.74.csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Cakupan,Peringkat,Kode kompetensi,Kompetensi,Jumlah ASN dengan gap,Rata-rata gap,Prioritas tinggi,Skor prioritas,Level dibutuhkan,Kursus disarankan,Estimasi JP',
    );
    expect(lines[1]).toBe(
      'Wilayah Kota Tangerang Selatan,1,M.05,Pelayanan Publik,3,4,3,9,4,"Pelayanan Publik Lanjut (level 4, 10 JP)",30',
    );
    expect(lines[2]).toBe(
      `Wilayah Kota Tangerang Selatan,2,M.01,Integritas,3,2.67,2,8,3,"'=HYPERLINK(""http://contoh.test"",""Integritas"") (level 3, 6 JP)",18`,
    );
    expect(lines).toHaveLength(1 + 3 + 6);
  });

  it('exports the same as XLSX, readable back with its numbers as numbers', async () => {
    const res = await as(admin)
      .get(`${API}/agency.xlsx`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 3 + 6);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Wilayah Kota Tangerang Selatan',
      1,
      'M.05',
      'Pelayanan Publik',
      3,
      4,
      3,
      9,
      4,
      'Pelayanan Publik Lanjut (level 4, 10 JP)',
      30,
    ]);
    expect(String(sheet.getRow(3).getCell(10).value)).toMatch(/^'=HYPERLINK/);
  });

  it('a re-run replaces the population’s rows: new evidence and a person who moved away', async () => {
    await givenEvidence(t, people.a1.user.id, { 'M.05': 4 }, new Date('2026-02-15T03:00:00Z'));
    const medanUnit = await givenUnit(t, '12.71');
    const patch = await t
      .http()
      .patch(`/api/users/${people.b1.user.id}`)
      .set('authorization', national.auth)
      .send({ unitId: medanUnit.id });
    expect(patch.status).toBe(200);

    const run = await runToEnd(admin);
    expect(run).toMatchObject({ status: 'done', processed: 3 + 2 });
    const res = await as(admin).get(`${API}/agency`);
    expect(brief(res.body.needs)).toEqual([
      ['M.01', 1, 2, 2.5, 1, 5],
      ['M.02', 2, 2, 1.5, 0, 4],
      ['M.05', 3, 1, 4, 1, 3],
    ]);
    expect(res.body.units.map((u: any) => u.unitName)).toEqual([unitA.name]);
  });

  it('runs for one unit only', async () => {
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T02:00:00Z'));
    const run = await runToEnd(admin, { unitId: unitA.id });
    // a1, a2, a3, the admin and the instructor
    expect(run).toMatchObject({ status: 'done', unitId: unitA.id, processed: 5 });
    const list = await as(admin).get(`${API}/runs`);
    expect(list.body.items[0]).toMatchObject({ id: run.id, unitName: unitA.name });
  });

  it('gives the same rows walked two people at a time, and a finished run re-run changes nothing', async () => {
    const before = await t.dataSource.getRepository(NeedsGap).find({ order: { userId: 'ASC', competencyCode: 'ASC' } });
    const id = crypto.randomUUID();
    await t.dataSource.getRepository(NeedsRun).insert({
      id,
      regionCode: '36.74',
      unitId: null,
      status: 'queued',
      processed: 0,
      gapRows: 0,
      afterId: null,
      error: null,
      requestedBy: admin.user.id,
      createdAt: new Date('2026-03-02T03:00:00Z'),
      startedAt: null,
      finishedAt: null,
    });
    await t.get(NeedsRunner).run(id, 2);
    await t.get(NeedsRunner).run(id, 2);
    const run = await t.dataSource.getRepository(NeedsRun).findOneByOrFail({ id });
    // a1: M.01, M.02; a2: M.05; a3: M.01, M.02 (b1 has moved to Medan)
    expect([run.status, run.processed, run.gapRows]).toEqual(['done', 5, 5]);
    const after = await t.dataSource.getRepository(NeedsGap).find({ order: { userId: 'ASC', competencyCode: 'ASC' } });
    const strip = (rows: NeedsGap[]) => rows.map(({ runId: _, ...r }) => r);
    expect(strip(after)).toEqual(strip(before));
  });

  it('refuses a run while one over an overlapping region is still going (409)', async () => {
    const runs = t.dataSource.getRepository(NeedsRun);
    const busy = {
      id: crypto.randomUUID(),
      regionCode: '36',
      unitId: null,
      status: 'running' as const,
      processed: 500,
      gapRows: 0,
      afterId: null,
      error: null,
      requestedBy: national.user.id,
      createdAt: new Date('2026-03-01T01:00:00Z'),
      startedAt: new Date('2026-03-01T01:00:00Z'),
      finishedAt: null,
    };
    await runs.insert(busy);
    try {
      const res = await as(admin).post(`${API}/runs`, { unitId: unitB.id });
      expect([res.status, res.body.code]).toEqual([409, 'PLANS.NEEDS_RUN_IN_PROGRESS']);
      expect((await as(medanAdmin).post(`${API}/runs`, {})).status).toBe(202);
    } finally {
      await runs.delete({ id: busy.id });
      await t.drain();
    }
  });

  it('keeps another region’s admin out: 404 for the run, the region and the unit', async () => {
    const run = (await as(admin).get(`${API}/runs`)).body.items[0];
    expect((await as(medanAdmin).get(`${API}/runs/${run.id}`)).status).toBe(404);
    const medanRuns = (await as(medanAdmin).get(`${API}/runs`)).body.items;
    expect(medanRuns.map((r: any) => r.regionCode)).toEqual(['12.71']);
    expect((await as(medanAdmin).post(`${API}/runs`, { regionCode: '36.74' })).status).toBe(404);
    expect((await as(medanAdmin).get(`${API}/agency?regionCode=36.74`)).status).toBe(404);
    expect((await as(medanAdmin).get(`${API}/agency.csv?unitId=${unitA.id}`)).status).toBe(404);
    expect((await as(people.a1).get(`${API}/agency`)).status).toBe(403);
    // Medan's own view: its ASN and b1, who moved there (no evidence: M.05 gap 4 each).
    const own = await as(medanAdmin).get(`${API}/agency`);
    expect(own.body.population.regionCode).toBe('12.71');
    expect(brief(own.body.needs)[0]).toEqual(['M.05', 1, 2, 4, 2, 6]);
  });

  it('breaks a province down by its kota/kabupaten for a national admin', async () => {
    const res = await as(national).get(`${API}/agency?regionCode=12`);
    expect(res.status).toBe(200);
    expect(res.body.regions.map((r: any) => [r.regionCode, r.regionName])).toEqual([['12.71', 'Kota Medan']]);
    expect(brief(res.body.regions[0].needs)).toEqual(brief(res.body.needs));
    expect(brief(res.body.needs)[0]).toEqual(['M.05', 1, 2, 4, 2, 6]);
    const csv = await as(national).get(`${API}/agency.csv?regionCode=12`);
    expect(csv.text).toContain('\r\nWilayah Kota Medan,1,M.05,Pelayanan Publik,2,4,2,6,4,');
  });

  it('a national admin names the region to analyse', async () => {
    const res = await as(national).post(`${API}/runs`, {});
    expect([res.status, res.body.details.fields[0].field]).toEqual([422, 'regionCode']);
  });
});
