import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { ExportColumn, toCsv, toXlsx } from './table-export';
import { csvFileWriter, xlsxFileWriter } from './table-file-writer';

type Row = { name: string; jp: number | null };
const columns: ExportColumn<Row>[] = [
  { header: 'Nama', value: (r) => r.name },
  { header: 'JP', value: (r) => r.jp },
];
const rows: Row[] = [
  { name: 'Budi, S.Kom', jp: 20 },
  { name: '=HYPERLINK("x")', jp: 5.5 },
  { name: 'Siti "Ani"', jp: null },
  { name: '+62 812', jp: 0 },
  { name: 'Rahmat', jp: 12 },
];

describe('table files written batch by batch', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bina-table-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('CSV in batches is byte for byte the CSV of the whole table', async () => {
    const path = join(dir, 'a.csv');
    const writer = csvFileWriter(path, columns);
    await writer.add(rows.slice(0, 2));
    await writer.add([]);
    await writer.add(rows.slice(2));
    expect(await writer.finish()).toBe(5);
    expect(readFileSync(path, 'utf8')).toBe(toCsv(columns, rows));
  });

  it('an empty CSV still has its header', async () => {
    const path = join(dir, 'empty.csv');
    expect(await csvFileWriter(path, columns).finish()).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFNama,JP\r\n');
  });

  it('XLSX names its sheet without the characters Excel refuses, so the workbook opens', async () => {
    const path = join(dir, 'named.xlsx');
    const writer = xlsxFileWriter(path, 'Daftar ASN Dinas Kominfo/Statistik [Kota]?', columns);
    await writer.add(rows);
    await writer.finish();
    const book = new Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Daftar ASN Dinas Kominfo-Statis']);
    const whole = new Workbook();
    await whole.xlsx.load((await toXlsx("'Rekap: Medan/Belawan'", columns, rows)) as unknown as ArrayBuffer);
    expect(whole.worksheets.map((s) => s.name)).toEqual(['Rekap- Medan-Belawan']);
  });

  it('XLSX goes on in a new sheet with its header when one is full; text protected, numbers as numbers', async () => {
    const path = join(dir, 'a.xlsx');
    const writer = xlsxFileWriter(path, 'Daftar ASN Kota Tangerang Selatan', columns, 2);
    await writer.add(rows.slice(0, 3));
    await writer.add(rows.slice(3));
    expect(await writer.finish()).toBe(5);
    const book = new Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Daftar ASN Kota Tangerang Selat',
      'Daftar ASN Kota Tangerang S (2)',
      'Daftar ASN Kota Tangerang S (3)',
    ]);
    const values = book.worksheets.map((s) => (s.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1)));
    expect(values).toEqual([
      [
        ['Nama', 'JP'],
        ['Budi, S.Kom', 20],
        ['\'=HYPERLINK("x")', 5.5],
      ],
      [['Nama', 'JP'], ['Siti "Ani"'], ["'+62 812", 0]],
      [
        ['Nama', 'JP'],
        ['Rahmat', 12],
      ],
    ]);
    expect(book.worksheets[1].getRow(1).font?.bold).toBe(true);
  });
});
