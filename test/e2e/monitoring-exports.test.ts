import { existsSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { Clock } from '../../libs/common';
import { FILE_STORAGE, FileStorage } from '../../libs/storage';
import {
  asUser,
  createTestApp,
  fakeNip,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  okBody,
  TEST_PASSWORD,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { PeopleService } from '../../src/modules/monitoring/people/people.service';
import { ExportRunJob } from '../../src/modules/monitoring/exports/jobs/export-run.job';
import { MonitoringDailyJob } from '../../src/modules/monitoring/jobs/daily.job';

const API = '/api/monitoring/exports';
const YEAR = 2026;
const DAY_MS = 24 * 3_600_000;

/**
 * Queued exports of people lists and dashboard tables: asked for, built by the job with its
 * progress, announced in a notification, downloaded by their owner only; CSV and XLSX cells
 * cannot run as formulas; the job re-reads the requester's role and scope from the database;
 * files expire and the daily job sweeps them.
 */
describe(`monitoring: queued exports (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let now: Date;
  let unitA: string;
  let unitB: string;
  let medanUnit: string;
  let admin: GivenUser;
  let colleague: GivenUser;
  let national: GivenUser;
  const tricky = ['=HYPERLINK("http://contoh.test","klik")', '+62 812', '-1+2', '@SUM(A1)', '\tTab', 'Budi Santoso'];

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_IP: '1000' });
    now = new Date('2026-06-15T03:00:00Z');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
    await givenRegions(t);
    unitA = (await givenUnit(t, '36.74')).id;
    unitB = (await givenUnit(t, '36.74')).id;
    medanUnit = (await givenUnit(t, '12.71')).id;
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    colleague = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    national = await givenUser(t, { role: 'national_admin' });
    for (const [i, name] of tricky.entries()) {
      await t.get(IdentityApi).provisionAccount({
        name,
        role: 'learner',
        password: TEST_PASSWORD,
        email: `ekspor${i}@uji.bina.id`,
        nip: fakeNip(),
        employeeType: 'PNS',
        golongan: 'III/a',
        unitId: i < 4 ? unitA : unitB,
      });
    }
    await givenUser(t, { unitId: medanUnit });
    const instructor = await givenUser(t, { role: 'instructor', unitId: unitB });
    const course = await givenPublishedCourse(t, instructor.auth, { jp: 12 });
    const learner = await givenUser(t, { unitId: unitB });
    okBody(await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/enrolment`), 'enrol');
    for (const id of course.lessonIds)
      okBody(
        await asUser(t, learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`),
        'lesson',
      );
    await t.drain();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const ask = (who: GivenUser, body: object) => asUser(t, who).post(API, body);
  /** Holds export jobs until released, so a test can look at (or change) things before they run. */
  const holdExports = () => {
    const job = t.get(ExportRunJob);
    const run = job.handle.bind(job);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = jest.spyOn(job, 'handle').mockImplementation(async (payload) => {
      await gate;
      return run(payload);
    });
    return async () => {
      release();
      await t.drain();
      spy.mockRestore();
    };
  };
  const zeroJp = (node: string) => ({ node, year: YEAR, metric: 'jp-bucket', bucket: '0' });
  const download = (who: GivenUser, id: string) =>
    asUser(t, who)
      .get(`${API}/${id}/file`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const peopleCount = async (params: Record<string, string | number>) =>
    (await asUser(t, admin).get(`/api/monitoring/people?${new URLSearchParams(params as Record<string, string>)}`)).body
      .total as number;

  it('queued → done with its progress → a notification with the link → the CSV, formulas neutralised', async () => {
    const release = holdExports();
    const res = await ask(admin, { kind: 'people', params: zeroJp('36.74'), format: 'csv' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(expect.objectContaining({ status: 'queued', done: 0, percent: 0, downloadUrl: null }));
    const id = res.body.id as string;
    expect(okBody(await asUser(t, admin).get(`${API}/${id}`), 'queued')).toEqual(
      expect.objectContaining({ status: 'queued', total: 0, percent: 0 }),
    );
    expect((await download(admin, id)).status).toBe(409);

    await release();
    const expected = await peopleCount({ node: '36.74', year: YEAR, metric: 'jp-bucket', bucket: '0' });
    expect(expected).toBeGreaterThanOrEqual(tricky.length + 1);
    const done = okBody(await asUser(t, admin).get(`${API}/${id}`), 'export');
    expect(done).toEqual(
      expect.objectContaining({
        status: 'done',
        done: expected,
        total: expected,
        percent: 100,
        downloadUrl: `${API}/${id}/file`,
        expiresAt: new Date(now.getTime() + 7 * DAY_MS).toISOString(),
      }),
    );
    expect(((await asUser(t, admin).get(API)).body.items as Array<{ id: string }>).map((x) => x.id)).toContain(id);

    const notes = (await asUser(t, admin).get('/api/notifications?pageSize=100')).body.items as Array<{
      category: string;
      link: string;
      title: string;
    }>;
    const note = notes.find((n) => n.category === 'monitoring-export-ready');
    expect(note).toEqual(expect.objectContaining({ link: '/pemantauan/ekspor' }));
    expect(note!.title).toMatch(/siap diunduh/);

    const file = await download(admin, id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="pemantauan-people-2026-06-15\.csv"/);
    const text = (file.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFFNama,NIP,Unit kerja,JP,Target JP\r\n')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(1 + expected);
    const names = lines.slice(1).map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1) + 0) : l.split(',')[0]));
    expect(text).toContain(`"'=HYPERLINK(""http://contoh.test"",""klik"")"`);
    expect(names).toEqual(expect.arrayContaining(["'+62 812", "'-1+2", "'@SUM(A1)", "'\tTab", 'Budi Santoso']));
    // No cell starts with a formula character.
    for (const line of lines)
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('XLSX reads back with the same people, numbers as numbers and formulas as text', async () => {
    const res = await ask(admin, { kind: 'people', params: zeroJp(unitA), format: 'xlsx' });
    await t.drain();
    const file = await download(admin, res.body.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new Workbook();
    await workbook.xlsx.load(file.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nama', 'NIP', 'Unit kerja', 'JP', 'Target JP']);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(await peopleCount(zeroJp(unitA)));
    const names = rows.map((r) => r[1]).sort();
    expect(names).toEqual(["'+62 812", "'-1+2", '\'=HYPERLINK("http://contoh.test","klik")', "'@SUM(A1)"]);
    for (const r of rows) {
      expect(r[2]).toMatch(/^\d{8} \d{6} \d \d{3}$/);
      expect([r[4], r[5]]).toEqual([0, 20]);
      expect(typeof r[3]).toBe('string');
    }
  });

  it('dashboard tables: JP per child and completion per course, as the dashboard shows them', async () => {
    const jp = await ask(admin, { kind: 'jp-children', params: { node: '36.74', year: YEAR }, format: 'xlsx' });
    const completion = await ask(national, { kind: 'completion-courses', params: { node: '36' }, format: 'csv' });
    await t.drain();
    const workbook = new Workbook();
    await workbook.xlsx.load((await download(admin, jp.body.id)).body as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const dashboard = okBody(await asUser(t, admin).get(`/api/monitoring/jp?node=36.74&year=${YEAR}`), 'jp');
    const children = dashboard.children as Array<{
      child: { node: string; code: string };
      people: number;
      jp0: number;
      jp10to19: number;
    }>;
    expect(rows).toHaveLength(children.length);
    for (const c of children) {
      const row = rows.find((r) => r[2] === c.child.code)!;
      expect([row[3], row[4], row[6]]).toEqual([c.people, c.jp0, c.jp10to19]);
    }
    const unitBCode = children.find((c) => c.child.node === unitB)!.child.code;
    expect(rows.find((r) => r[2] === unitBCode)![6]).toBe(1); // the learner with 12 JP

    const csv = ((await download(national, completion.body.id)).body as Buffer).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFKursus,Terdaftar,Sedang belajar,Selesai,Terlambat,% selesai,Menunggu persetujuan',
    );
    expect(csv).toMatch(/Kursus Uji \d+,1,0,1,0,100,0\r\n/);
  });

  it('only the owner sees or downloads an export: 404 for anyone else, the national admin too', async () => {
    const res = await ask(admin, { kind: 'people', params: zeroJp(unitA), format: 'csv' });
    await t.drain();
    for (const other of [colleague, national]) {
      expect((await asUser(t, other).get(`${API}/${res.body.id}`)).status).toBe(404);
      expect((await download(other, res.body.id)).status).toBe(404);
      expect(((await asUser(t, other).get(API)).body.items as Array<{ id: string }>).map((x) => x.id)).not.toContain(
        res.body.id,
      );
    }
    expect((await download(admin, res.body.id)).status).toBe(200);
  });

  it('asking checks the table and the scope at once: 400 naming the field, 404 outside the scope', async () => {
    const bad: Array<[object, string]> = [
      [{ kind: 'everything', params: {}, format: 'csv' }, 'kind'],
      [{ kind: 'people', params: zeroJp(unitA), format: 'pdf' }, 'format'],
      [{ kind: 'people', params: { node: unitA }, format: 'csv' }, 'params.metric'],
      [{ kind: 'people', params: { metric: 'jp-bucket' }, format: 'csv' }, 'bucket'],
      [{ kind: 'jp-children', params: { node: '36.74', colour: 'red' }, format: 'csv' }, 'params.colour'],
    ];
    for (const [body, field] of bad) {
      const res = await ask(admin, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await ask(admin, { kind: 'people', params: zeroJp(medanUnit), format: 'csv' })).status).toBe(404);
    expect((await ask(admin, { kind: 'jp-children', params: { node: '12' }, format: 'csv' })).status).toBe(404);
  });

  it('the job re-reads the requester: moved to another region or demoted before it runs, the export fails and writes nothing', async () => {
    const mover = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    let release = holdExports();
    const moved = await ask(mover, { kind: 'people', params: zeroJp('36.74'), format: 'csv' });
    const demoted = await ask(mover, { kind: 'people', params: zeroJp(unitA), format: 'xlsx' });
    expect([moved.status, demoted.status]).toEqual([202, 202]);
    await t.dataSource.query('UPDATE user_account SET scope_region_code = ? WHERE id = ?', ['12.71', mover.user.id]);
    // The payload names the export only: the scope comes from the database when it runs.
    await release();
    const [row] = await t.dataSource.query('SELECT status, file_key, error, done FROM mon_export WHERE id = ?', [
      moved.body.id,
    ]);
    expect(row).toEqual(expect.objectContaining({ status: 'failed', file_key: null }));
    expect(row.error).toMatch(/scope/);
    expect(Number(row.done)).toBe(0);

    // The same admin moved back, then demoted to learner: nothing either.
    await t.dataSource.query('UPDATE user_account SET scope_region_code = ? WHERE id = ?', ['36.74', mover.user.id]);
    release = holdExports();
    const again = await ask(mover, { kind: 'people', params: zeroJp(unitA), format: 'csv' });
    await t.dataSource.query("UPDATE user_account SET role = 'learner' WHERE id = ?", [mover.user.id]);
    await release();
    const rows: Array<{ id: string; status: string; file_key: string | null; error: string }> =
      await t.dataSource.query(`SELECT id, status, file_key, error FROM mon_export WHERE requested_by = ?`, [
        mover.user.id,
      ]);
    expect(rows.map((r) => [r.status, r.file_key])).toEqual([
      ['failed', null],
      ['failed', null],
      ['failed', null],
    ]);
    expect(rows.find((r) => r.id === again.body.id)!.error).toMatch(/no longer an administrator/);
    const files: Array<{ n: number }> = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM notification WHERE category = 'monitoring-export-ready' AND recipient_id = ?",
      [mover.user.id],
    );
    expect(Number(files[0].n)).toBe(0);
  });

  it('an admin moved to another region can no longer download an export of the old one', async () => {
    const mover = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    const res = await ask(mover, { kind: 'people', params: zeroJp('36.74'), format: 'csv' });
    await t.drain();
    expect((await download(mover, res.body.id)).status).toBe(200);
    await t.dataSource.query('UPDATE user_account SET scope_region_code = ? WHERE id = ?', ['12.71', mover.user.id]);
    expect((await download(mover, res.body.id)).status).toBe(404);
  });

  it('an export asked without a year keeps the year it was asked in, even when the job runs after midnight of 31 December', async () => {
    const saved = now;
    try {
      now = new Date('2026-12-31T16:59:00Z'); // 23:59 WIB
      const release = holdExports();
      const res = await ask(admin, { kind: 'jp-children', params: { node: '36.74' }, format: 'xlsx' });
      expect(res.status).toBe(202);
      now = new Date('2026-12-31T17:01:00Z'); // 00:01 WIB, 1 January 2027
      await release();
      expect((await asUser(t, admin).get(`${API}/${res.body.id}`)).body.params.year).toBe(2026);
      const workbook = new Workbook();
      await workbook.xlsx.load((await download(admin, res.body.id)).body as ArrayBuffer);
      expect(workbook.worksheets[0].name).toMatch(/^JP 2026 /);
    } finally {
      now = saved;
    }
  });

  it('rows are written to a draft batch by batch: a failure half way leaves no file, partial or whole', async () => {
    const people = t.get(PeopleService);
    const walk = people.walk.bind(people);
    jest.spyOn(people, 'walk').mockImplementation(async function* (node, peopleAsk, size) {
      for await (const rows of walk(node, peopleAsk, size)) {
        yield rows;
        throw new Error('database gone');
      }
    });
    const storage = t.get<FileStorage>(FILE_STORAGE as never);
    const drafts: string[] = [];
    const draft = storage.draft.bind(storage);
    jest.spyOn(storage, 'draft').mockImplementation(async (folder, extension) => {
      const d = await draft(folder, extension);
      drafts.push(d.path);
      return d;
    });
    const res = await ask(admin, { kind: 'people', params: zeroJp(unitA), format: 'xlsx' });
    await t.drain();
    jest.mocked(people.walk).mockRestore();
    jest.mocked(storage.draft).mockRestore();
    const [row] = await t.dataSource.query('SELECT status, file_key, error FROM mon_export WHERE id = ?', [
      res.body.id,
    ]);
    expect(row).toEqual(expect.objectContaining({ status: 'failed', file_key: null }));
    expect(drafts).toHaveLength(1);
    expect(existsSync(drafts[0])).toBe(false);
    expect(existsSync(drafts[0].replace(/\.part$/, ''))).toBe(false);
  });

  it('a file expires after 7 days and the daily job deletes it', async () => {
    const res = await ask(admin, { kind: 'people', params: zeroJp(unitA), format: 'csv' });
    await t.drain();
    const [{ file_key: key }] = await t.dataSource.query('SELECT file_key FROM mon_export WHERE id = ?', [res.body.id]);
    const storage = t.get<FileStorage>(FILE_STORAGE as never);
    expect(await storage.exists(key)).toBe(true);

    const start = now;
    now = new Date(start.getTime() + 6 * DAY_MS);
    await t.get(MonitoringDailyJob).handle({ day: '2026-06-21' });
    expect((await download(admin, res.body.id)).status).toBe(200);

    now = new Date(start.getTime() + 7 * DAY_MS + 1000);
    expect((await download(admin, res.body.id)).status).toBe(409);
    await t.get(MonitoringDailyJob).handle({ day: '2026-06-22' });
    expect(await storage.exists(key)).toBe(false);
    const after = okBody(await asUser(t, admin).get(`${API}/${res.body.id}`), 'export');
    expect(after).toEqual(expect.objectContaining({ status: 'expired', downloadUrl: null }));
    const gone = await download(admin, res.body.id);
    expect([gone.status, JSON.parse((gone.body as Buffer).toString()).message]).toEqual([
      409,
      expect.stringMatching(/expired/),
    ]);
    now = start;
  });
});
