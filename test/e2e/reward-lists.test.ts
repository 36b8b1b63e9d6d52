import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { Clock, newId } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import {
  asUser,
  createTestApp,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  browserAgent,
  signInThroughPages,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { DevelopmentPlan, PlanGoal, PlanStatus } from '../../src/modules/development-plans/plans/entities';
import { LearningApi } from '../../src/modules/learning/learning.api';

const wib = (day: string) => new Date(`${day}T10:00:00+07:00`);

interface Goal {
  baseline: number;
  current: number;
  target: number;
}

/**
 * The unit admin's reward (met the JP target and improved) and follow-up (below target,
 * no plan, a plan left in draft after March, an unanswered review) lists of a year, as
 * JSON pages and as CSV/XLSX files parsed back; another region's people never appear.
 */
describe(`reward and follow-up lists (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let admin: GivenUser;
  let national: GivenUser;
  let unitName: string;
  const people: Record<string, GivenUser> = {};

  const credit = (who: GivenUser, jp: number) =>
    t.get(TransactionRunner).run((m) =>
      t.get(LearningApi).recordCredit(m, {
        userId: who.user.id,
        source: 'external',
        sourceId: newId(),
        title: 'Pelatihan uji',
        year: 2026,
        jpTenths: jp * 10,
        earnedAt: wib('2026-02-10'),
        competencies: [],
      }),
    );
  const plan = async (who: GivenUser, status: PlanStatus, goals: Goal[] = [], submittedAt: Date | null = null) => {
    const id = newId();
    await t.dataSource.getRepository(DevelopmentPlan).insert({
      id,
      userId: who.user.id,
      year: 2026,
      status,
      regionCode: '36.74',
      unitId: who.user.unitId,
      supervisorId: null,
      targetJpTenths: 200,
      submittedAt,
      createdAt: wib('2026-01-10'),
      updatedAt: wib('2026-01-10'),
    });
    await t.dataSource.getRepository(PlanGoal).insert(
      goals.map((g, i) => ({
        id: newId(),
        planId: id,
        competencyCode: `M.0${i + 1}`,
        baselineLevel: g.baseline,
        currentLevel: g.current,
        targetLevel: g.target,
        priority: 'high' as const,
        reachedAt: null,
        position: i,
      })),
    );
  };

  beforeAll(async () => {
    // Every factory person signs in once, all from 127.0.0.1.
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    await givenRegions(t);
    const tangsel = await givenUnit(t, '36.74');
    const gorontalo = await givenUnit(t, '75.71');
    unitName = tangsel.name;
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: tangsel.id, withNip: false });
    national = await givenUser(t, { role: 'national_admin', withNip: false });
    for (const key of ['improved', 'reached', 'short', 'noPlan', 'draft', 'waiting', 'steady'])
      people[key] = await givenUser(t, { unitId: tangsel.id });
    people.gorontalo = await givenUser(t, { unitId: gorontalo.id });

    await credit(people.improved, 20);
    await plan(people.improved, 'in_progress', [{ baseline: 1, current: 2, target: 3 }]);
    await credit(people.reached, 25);
    await plan(people.reached, 'closed', [
      { baseline: 2, current: 3, target: 3 },
      { baseline: 1, current: 1, target: 2 },
    ]);
    await credit(people.short, 12.5);
    await plan(people.short, 'in_progress', [{ baseline: 1, current: 3, target: 3 }]);
    await credit(people.noPlan, 20);
    await plan(people.draft, 'draft', [{ baseline: 1, current: 1, target: 3 }]);
    await credit(people.waiting, 30);
    await plan(people.waiting, 'submitted', [], wib('2026-03-20'));
    await credit(people.steady, 20);
    await plan(people.steady, 'approved', [{ baseline: 2, current: 2, target: 3 }]);
    // The Gorontalo ASN needs follow-up (no plan), but only admins whose scope holds Gorontalo may see it.
    await credit(people.gorontalo, 40);
    // A name a spreadsheet would run as a formula.
    await t.dataSource.query('UPDATE user_account SET name = ? WHERE id = ?', [
      '=HYPERLINK("http://contoh.test","klik")',
      people.draft.user.id,
    ]);
  });
  afterAll(() => t.close());
  beforeEach(() => jest.spyOn(t.get(Clock), 'now').mockImplementation(() => wib('2026-04-15')));
  afterEach(() => jest.restoreAllMocks());

  const as = (who: GivenUser) => asUser(t, who);
  const idsOf = (rows: Array<{ userId: string }>) => rows.map((r) => r.userId).sort();
  const expectedIds = (...keys: string[]) => keys.map((k) => people[k].user.id).sort();

  it('lists exactly those who met the JP target and improved a plan goal', async () => {
    const res = await as(admin).get('/api/reward-lists/recognition?year=2026');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, kind: 'recognition', total: 2 });
    expect(idsOf(res.body.items)).toEqual(expectedIds('improved', 'reached'));
    const reached = res.body.items.find((r: { userId: string }) => r.userId === people.reached.user.id);
    expect(reached).toMatchObject({
      nip: people.reached.user.nipDisplay,
      unitName,
      earnedJp: 25,
      targetJp: 20,
      goalsReached: 1,
      goalsTotal: 2,
      planStatus: 'closed',
      reasons: [],
    });
  });

  it('lists exactly those who need follow-up, each with their reasons, a page at a time', async () => {
    const all = await as(admin).get('/api/reward-lists/follow-up?year=2026&pageSize=100');
    expect(all.status).toBe(200);
    expect(idsOf(all.body.items)).toEqual(expectedIds('short', 'noPlan', 'draft', 'waiting'));
    const reasonsOf = Object.fromEntries(
      all.body.items.map((r: { userId: string; reasons: string[] }) => [r.userId, r.reasons]),
    );
    expect(reasonsOf[people.short.user.id]).toEqual(['below_target']);
    expect(reasonsOf[people.noPlan.user.id]).toEqual(['no_plan']);
    expect(reasonsOf[people.draft.user.id]).toEqual(['below_target', 'plan_not_submitted']);
    expect(reasonsOf[people.waiting.user.id]).toEqual(['review_unanswered']);

    const first = await as(admin).get('/api/reward-lists/follow-up?year=2026&pageSize=3');
    const second = await as(admin).get('/api/reward-lists/follow-up?year=2026&pageSize=3&page=2');
    expect(first.body).toMatchObject({ total: 4, totalPages: 2 });
    expect(first.body.items).toHaveLength(3);
    expect([...first.body.items, ...second.body.items].map((r: { userId: string }) => r.userId)).toEqual(
      all.body.items.map((r: { userId: string }) => r.userId),
    );
  });

  it('does not count a draft or a missing plan against anyone before the end of March', async () => {
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => wib('2026-03-20'));
    const res = await as(admin).get('/api/reward-lists/follow-up?year=2026&pageSize=100');
    expect(idsOf(res.body.items)).toEqual(expectedIds('short', 'draft'));
    expect(res.body.items.find((r: { userId: string }) => r.userId === people.draft.user.id).reasons).toEqual([
      'below_target',
    ]);
  });

  it('exports the follow-up list as CSV that parses back to the same rows, with formula cells defused', async () => {
    const res = await as(admin).get('/api/reward-lists/follow-up/export?year=2026&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/pembinaan-2026\.csv/);
    const [header, ...rows] = parse(res.text.replace(/^\uFEFF/, '')) as string[][];
    expect(header).toEqual([
      'Nama',
      'NIP',
      'Unit kerja',
      'JP diperoleh',
      'Target JP',
      'Sasaran tercapai',
      'Status rencana',
      'Alasan',
    ]);
    expect(rows.map((r) => r[1]).sort()).toEqual(
      ['short', 'noPlan', 'draft', 'waiting'].map((k) => people[k].user.nipDisplay).sort(),
    );
    const draft = rows.find((r) => r[1] === people.draft.user.nipDisplay)!;
    expect(draft).toEqual([
      `'=HYPERLINK("http://contoh.test","klik")`,
      people.draft.user.nipDisplay,
      unitName,
      '0',
      '20',
      '0/1',
      'Draf',
      'JP di bawah target; Rencana belum diajukan setelah batas waktu',
    ]);
    expect(rows.find((r) => r[1] === people.noPlan.user.nipDisplay)![6]).toBe('Belum ada rencana');
  });

  it('exports the recognition list as XLSX with the same rows', async () => {
    const res = await as(admin)
      .get('/api/reward-lists/recognition/export?year=2026&format=xlsx')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/penghargaan-2026\.xlsx/);
    const book = new Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Memenuhi target dan meningkat');
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0][0]).toBe('Nama');
    expect(
      values
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual([people.improved.user.nipDisplay, people.reached.user.nipDisplay].sort());
    const improved = values.find((r) => r[1] === people.improved.user.nipDisplay)!;
    expect(improved.slice(3, 7)).toEqual([20, 20, '0/1', 'Berjalan']);
  });

  it('never shows another region’s people to a unit admin, and refuses a region outside their scope', async () => {
    for (const kind of ['recognition', 'follow-up']) {
      const res = await as(admin).get(`/api/reward-lists/${kind}?year=2026&pageSize=100`);
      expect(idsOf(res.body.items)).not.toContain(people.gorontalo.user.id);
      const csv = await as(admin).get(`/api/reward-lists/${kind}/export?year=2026`);
      expect(csv.text).not.toContain(people.gorontalo.user.nipDisplay);
    }
    const outside = await as(admin).get('/api/reward-lists/follow-up?year=2026&regionCode=75.71');
    expect(outside.status).toBe(404);
    expect((await as(admin).get('/api/reward-lists/someone-else?year=2026')).status).toBe(404);
    expect((await as(people.short).get('/api/reward-lists/follow-up?year=2026')).status).toBe(403);

    const nationwide = await as(national).get('/api/reward-lists/follow-up?year=2026&pageSize=100');
    expect(idsOf(nationwide.body.items)).toContain(people.gorontalo.user.id);
    const gorontalo = await as(national).get('/api/reward-lists/follow-up?year=2026&regionCode=75&pageSize=100');
    expect(idsOf(gorontalo.body.items)).toEqual([people.gorontalo.user.id]);
    expect(gorontalo.body.items[0].reasons).toEqual(['no_plan']);
  });
  it('shows the follow-up list on the admin page in Bahasa Indonesia, with its reasons and download links', async () => {
    const agent = browserAgent(t);
    await signInThroughPages(agent, admin.username, admin.password);
    const res = await agent.get('/admin/penghargaan-pembinaan?daftar=pembinaan&tahun=2026');
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThan(100_000);
    expect(res.text).toContain('Perlu pembinaan · 2026');
    expect(res.text).toContain('4 ASN');
    expect(res.text).toContain(people.noPlan.user.name);
    expect(res.text).toContain(people.noPlan.user.nipDisplay!);
    expect(res.text).toContain('Belum ada rencana pengembangan');
    expect(res.text).toContain('Reviu rencana belum dijawab');
    expect(res.text).toContain('31 Maret 2026');
    expect(res.text).not.toContain(people.gorontalo.user.name);
    expect(res.text).not.toContain(people.improved.user.name);
    expect(res.text).toContain('href="/api/reward-lists/follow-up/export?year=2026&amp;format=xlsx"');
    const download = await agent.get('/api/reward-lists/follow-up/export?year=2026&format=csv');
    expect(download.status).toBe(200);
    expect(download.text).toContain(people.waiting.user.nipDisplay!);

    const recognition = await agent.get('/admin/penghargaan-pembinaan?daftar=penghargaan&tahun=2026');
    expect(recognition.text).toContain(people.improved.user.name);
    expect(recognition.text).not.toContain(people.noPlan.user.name);
  });
});
