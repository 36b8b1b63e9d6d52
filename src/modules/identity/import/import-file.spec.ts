import { Workbook } from 'exceljs';
import { detectFormat, readTable, toImportTable } from './import-file';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('reading an import file', () => {
  it('reads comma and semicolon CSV, with or without a BOM, header names in either language', async () => {
    for (const text of [
      'nip,nama,jenis_pegawai,kode_unit\n198609262015051001,Siti,PNS,U1\n',
      '\uFEFFNIP;Name;Employee_Type;Unit_Code\r\n198609262015051001;Siti;PNS;U1\r\n',
    ]) {
      const table = toImportTable(await readTable(csv(text), 'csv'));
      expect(table.missingColumns).toEqual([]);
      expect(table.rows).toEqual([
        { line: 2, values: { nip: '198609262015051001', name: 'Siti', employeeType: 'PNS', unitCode: 'U1' } },
      ]);
    }
  });

  it('keeps file line numbers across blank lines and reports unknown columns as ignored', async () => {
    const table = toImportTable(
      await readTable(csv('nip,nama,peran,jenis_pegawai,kode_unit\n1,A,national_admin,PNS,U\n\n2,B,,PPPK,U\n'), 'csv'),
    );
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(table.ignoredColumns).toEqual(['peran']);
    expect(table.rows[0].values).not.toHaveProperty('peran');
  });

  it('names missing required columns', async () => {
    expect(toImportTable(await readTable(csv('nip,nama\n1,A\n'), 'csv')).missingColumns).toEqual([
      'employeeType',
      'unitCode',
    ]);
  });

  it('reads the first worksheet of an XLSX workbook', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('ASN');
    sheet.addRow(['NIP', 'Nama', 'Jenis_Pegawai', 'Kode_Unit', 'Golongan']);
    sheet.addRow(['198609262015051001', 'Siti', 'PNS', 'U1', 'III/a']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(detectFormat(content)).toBe('xlsx');
    const table = toImportTable(await readTable(content, 'xlsx'));
    expect(table.rows).toEqual([
      {
        line: 2,
        values: { nip: '198609262015051001', name: 'Siti', employeeType: 'PNS', unitCode: 'U1', golongan: 'III/a' },
      },
    ]);
  });

  it('tells CSV from XLSX by content and refuses binary files', () => {
    expect(detectFormat(csv('nip,nama\n'))).toBe('csv');
    expect(detectFormat(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBeNull();
    expect(detectFormat(Buffer.from([0xff, 0xfe, 0xfd]))).toBeNull();
  });
});
