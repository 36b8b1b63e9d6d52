import { Workbook } from 'exceljs';
import { In } from 'typeorm';
import { TransactionRunner } from '../../libs/database';
import { OutboxMessage } from '../../libs/queue';
import { createTestApp, givenRegions, givenUnit, givenUser, GivenUser, TestApp, usesRedis } from '../../libs/testing';
import { User } from '../../src/modules/identity/entities';
import { ImportRunner } from '../../src/modules/identity/import/import-runner';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';

const HEADER = 'nip;nama;email;telepon;jenis_pegawai;golongan;kode_jabatan;kode_unit;nip_atasan';

/** A distinct valid NIP per index: birth dates walk day by day from 1980, the sequence varies. */
function nipFor(i: number): string {
  const birth = new Date(Date.UTC(1980, 0, 1) + Math.floor(i / 900) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  return `${ymd}${birth.getUTCFullYear() + 25}01${(i % 2) + 1}${String((i % 900) + 1).padStart(3, '0')}`;
}

interface Generated {
  csv: string;
  good: Map<string, { name: string; email: string }>;
  bad: Array<{ line: number; column: string }>;
}

/** n rows; every 50th row is wrong in one of several ways. */
function generate(n: number, unitCode: string, foreignUnitCode: string, offset = 0): Generated {
  const lines = [HEADER];
  const good = new Map<string, { name: string; email: string }>();
  const bad: Generated['bad'] = [];
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const nip = nipFor(i + offset);
    const name = `ASN Uji ${i + offset}`;
    const email = `asn${i + offset}@uji.go.id`;
    let row = [
      nip,
      name,
      email,
      '+62 812 0000 0000',
      'PNS',
      'III/a',
      'JF-UJI',
      unitCode,
      i > 0 && i % 10 === 0 ? nipFor(offset) : '',
    ];
    const kind = i % 50 === 49 ? Math.floor(i / 50) % 6 : -1;
    const spoil = (column: string, change: () => void) => {
      change();
      bad.push({ line, column });
    };
    if (kind === 0) spoil('nip', () => (row[0] = nip.slice(0, 15) + '000'));
    if (kind === 1) spoil('kode_unit', () => (row[7] = 'TIDAK-ADA'));
    if (kind === 2) spoil('golongan', () => (row[5] = 'IX'));
    if (kind === 3) spoil('email', () => (row[2] = 'bukan-email'));
    if (kind === 4) spoil('kode_unit', () => (row[7] = foreignUnitCode));
    if (kind === 5)
      spoil('nip', () => (row = [nipFor(offset), 'Duplikat', `dup${i}@uji.go.id`, '', 'PNS', '', '', unitCode, '']));
    if (kind === -1) good.set(nip, { name, email });
    lines.push(row.join(';'));
  }
  return { csv: lines.join('\n') + '\n', good, bad };
}

describe('importing ASN in bulk', () => {
  let t: TestApp;
  let admin: GivenUser;
  let otherAdmin: GivenUser;
  let unitCode: string;
  let foreignUnitCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '36.74');
    const foreign = await givenUnit(t, '75.71');
    unitCode = unit.code;
    foreignUnitCode = foreign.code;
    await t.get(OrganisationApi).ensurePosition({ code: 'JF-UJI', name: 'Jabatan Uji', kind: 'functional' });
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id });
    otherAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71', unitId: foreign.id });
  });
  afterAll(() => t.close());

  const upload = (who: GivenUser, content: string | Buffer, name = 'asn.csv', dryRun = false) =>
    t
      .http()
      .post(`/api/identity/imports${dryRun ? '?dryRun=true' : ''}`)
      .set('authorization', who.auth)
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);

  const importedUsers = (nips: string[]) => t.dataSource.getRepository(User).findBy({ nip: In(nips) });

  it('imports 10,000 rows: every good row once, every bad row reported with line, column and reason', async () => {
    const file = generate(10_000, unitCode, foreignUnitCode);
    const preview = await upload(admin, file.csv, 'asn.csv', true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      dryRun: true,
      totalRows: 10_000,
      create: file.good.size,
      update: 0,
      unchanged: 0,
    });
    expect(preview.body.errorCount).toBe(file.bad.length);
    expect(await t.dataSource.getRepository(User).count()).toBe(2);

    const started = await upload(admin, file.csv);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', totalRows: 10_000 });
    await t.drain(120_000);

    const done = await t.http().get(`/api/identity/imports/${started.body.id}`).set('authorization', admin.auth);
    expect(done.body).toMatchObject({
      status: 'completed',
      processedRows: 10_000,
      createdCount: file.good.size,
      updatedCount: 0,
      unchangedCount: 0,
      errorCount: file.bad.length,
    });
    const users = await importedUsers([...file.good.keys()]);
    expect(users).toHaveLength(file.good.size);
    const boss = users.find((u) => u.nip === nipFor(0))!;
    for (const user of users) {
      expect(user).toMatchObject({
        name: file.good.get(user.nip!)!.name,
        // The one named as others' supervisor gets the role that shows plan reviews.
        role: user.id === boss.id ? 'supervisor' : 'learner',
        regionCode: '36.74',
        golongan: 'III/a',
      });
    }
    expect(users.filter((u) => u.supervisorId === boss.id).length).toBeGreaterThan(900);

    const errors = await t
      .http()
      .get(`/api/identity/imports/${started.body.id}/errors.csv`)
      .set('authorization', admin.auth);
    expect(errors.status).toBe(200);
    expect(errors.headers['content-type']).toContain('text/csv');
    expect(errors.headers['content-disposition']).toContain('attachment');
    const reported = errors.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(reported).toHaveLength(file.bad.length);
    for (const [i, bad] of file.bad.entries())
      expect(reported[i]).toMatch(new RegExp(`^"${bad.line}","${bad.column}","[^"]+`));
    expect(errors.text).toContain('outside your region');

    const again = await upload(admin, file.csv);
    await t.drain(120_000);
    const second = await t.http().get(`/api/identity/imports/${again.body.id}`).set('authorization', admin.auth);
    expect(second.body).toMatchObject({
      status: 'completed',
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: file.good.size,
    });
  });

  it('updates people when the file changes, and never their role', async () => {
    const base = generate(100, unitCode, foreignUnitCode, 20_000);
    await upload(admin, base.csv);
    await t.drain();
    const edited = base.csv
      .replace('ASN Uji 20001;', 'ASN Uji Berganti Nama;')
      .replace(/^nip;/, 'peran;nip;')
      .replace(/\n(\d{18})/g, '\nnational_admin;$1');
    const preview = await upload(admin, edited, 'asn.csv', true);
    expect(preview.body).toMatchObject({ update: 1, create: 0 });
    expect(preview.body.warnings).toEqual(['column "peran" is not imported and was ignored']);
    await upload(admin, edited);
    await t.drain();
    const users = await importedUsers([...base.good.keys()]);
    expect(users.find((u) => u.nip === nipFor(20_001))?.name).toBe('ASN Uji Berganti Nama');
    // The file's "peran" column grants nothing: ASN stay learners (or supervisors, when named as one).
    expect(users.filter((u) => !['learner', 'supervisor'].includes(u.role))).toEqual([]);
    expect(users.filter((u) => u.role === 'learner').length).toBeGreaterThan(90);
  });

  it('reads XLSX workbooks too', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('ASN');
    sheet.addRow(['NIP', 'Nama', 'Jenis_Pegawai', 'Kode_Unit', 'Golongan']);
    sheet.addRow([nipFor(30_000), 'Dari Excel', 'PPPK', unitCode, 'IX']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(admin, content, 'asn.xlsx');
    expect(res.body.format).toBe('xlsx');
    await t.drain();
    const [user] = await importedUsers([nipFor(30_000)]);
    expect(user).toMatchObject({ name: 'Dari Excel', employeeType: 'PPPK', golongan: 'IX' });
  });

  it('refuses what is not CSV or XLSX, and files without the required columns', async () => {
    const binary = await upload(admin, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x00]), 'asn.csv');
    expect(binary.status).toBe(422);
    expect(binary.body.code).toBe('IDENTITY.IMPORT_FILE_INVALID');
    const columns = await upload(admin, 'nip,nama\n1,A\n');
    expect(columns.status).toBe(422);
    expect(columns.body.message).toContain('employeeType');
  });

  it('hides an import from the admin of another region (404)', async () => {
    const started = await upload(admin, generate(3, unitCode, foreignUnitCode, 40_000).csv);
    const res = await t.http().get(`/api/identity/imports/${started.body.id}`).set('authorization', otherAdmin.auth);
    expect(res.status).toBe(404);
    const csv = await t
      .http()
      .get(`/api/identity/imports/${started.body.id}/errors.csv`)
      .set('authorization', otherAdmin.auth);
    expect(csv.status).toBe(404);
    await t.drain();
  });

  it('leaves no half-written chunk when a chunk fails, and the retry finishes every good row once', async () => {
    const file = generate(1_200, unitCode, foreignUnitCode, 50_000);
    const runner = t.get(ImportRunner) as unknown as { applyChunk: (...args: unknown[]) => Promise<void> };
    const original = runner.applyChunk.bind(runner);
    let calls = 0;
    const spy = jest.spyOn(runner, 'applyChunk').mockImplementation(async (...args: unknown[]) => {
      calls++;
      if (calls !== 2) return original(...args);
      // The second chunk writes its rows, then the transaction fails before committing.
      await t.get(TransactionRunner).run(async () => {
        await original(...args);
        throw new Error('injected fault inside the chunk');
      });
    });
    try {
      const started = await upload(admin, file.csv);
      if (!usesRedis()) {
        await t.drain();
        const halfway = await t.http().get(`/api/identity/imports/${started.body.id}`).set('authorization', admin.auth);
        expect(halfway.body).toMatchObject({ status: 'running', processedRows: 500 });
        const written = await importedUsers([...file.good.keys()]);
        const firstChunkGood = [...file.good.keys()].filter((_, i) => i < 490).length;
        expect(written.length).toBe(firstChunkGood);
        await t.dataSource.getRepository(OutboxMessage).update({ status: 'pending' }, { availableAt: new Date(0) });
      }
      await t.drain(60_000);
      const done = await t.http().get(`/api/identity/imports/${started.body.id}`).set('authorization', admin.auth);
      expect(done.body).toMatchObject({
        status: 'completed',
        processedRows: 1_200,
        createdCount: file.good.size,
        errorCount: file.bad.length,
      });
      expect(await importedUsers([...file.good.keys()])).toHaveLength(file.good.size);
    } finally {
      spy.mockRestore();
    }
  });

  it("refuses a row that would change an administrator's account, and leaves the account as it was", async () => {
    const unit = await givenUnit(t, '36.74');
    const national = await givenUser(t, { role: 'national_admin', unitId: unit.id });
    const csv = `${HEADER}\n${national.user.nip};Nama Diambil Alih;diambil@contoh.id;;PNS;III/a;JF-UJI;${unit.code};\n`;
    const preview = await upload(admin, csv, 'asn.csv', true);
    expect(preview.body).toMatchObject({ update: 0, create: 0, errorCount: 1 });
    const started = await upload(admin, csv);
    await t.drain();
    const errors = await t
      .http()
      .get(`/api/identity/imports/${started.body.id}/errors.csv`)
      .set('authorization', admin.auth);
    expect(errors.text).toContain('administrator you may not change');
    const [after] = await importedUsers([national.user.nip!]);
    expect(after).toMatchObject({ name: national.user.name, email: national.user.email, role: 'national_admin' });
  });

  it('writes the error list so that no spreadsheet runs a cell of the uploaded file as a formula', async () => {
    const unit = await givenUnit(t, '36.74');
    const rows = [
      `${nipFor(90_001)};Satu;satu@uji.go.id;;=2+5;III/a;JF-UJI;${unit.code};`,
      `${nipFor(90_002)};Dua;@SUM(1+1);;PNS;III/a;JF-UJI;${unit.code};`,
      `${nipFor(90_003)};Tiga;tiga@uji.go.id;;PNS;-2+3;JF-UJI;${unit.code};`,
    ];
    const started = await upload(admin, `${HEADER}\n${rows.join('\n')}\n`);
    await t.drain();
    const errors = await t
      .http()
      .get(`/api/identity/imports/${started.body.id}/errors.csv`)
      .set('authorization', admin.auth);
    const cells = errors.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .flatMap((line) => line.slice(1, -1).split('","'));
    expect(cells.length).toBeGreaterThanOrEqual(9);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(errors.text).toContain("'@SUM(1+1)");
  });
});
