import { Workbook } from 'exceljs';
import { safeCellText, toCsv, toXlsx } from './table-export';

describe('table export', () => {
  const columns = [
    { header: 'Nama', value: (r: { name: string; jp: number }) => r.name },
    { header: 'JP', value: (r: { name: string; jp: number }) => r.jp },
  ];

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+62 812', "'+62 812"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['Budi', 'Budi'],
    ['', ''],
  ])('protects %j as %j', (input, output) => {
    expect(safeCellText(input)).toBe(output);
  });

  it('writes CSV with a BOM, quoted text and numbers as numbers', () => {
    const csv = toCsv(columns, [
      { name: 'Siti, S.Kom', jp: 12.5 },
      { name: '=HYPERLINK("x")', jp: 3 },
    ]);
    expect(csv).toBe('\uFEFFNama,JP\r\n"Siti, S.Kom",12.5\r\n"\'=HYPERLINK(""x"")",3\r\n');
  });

  it('writes an XLSX that reads back with protected text and numeric cells', async () => {
    const buffer = await toXlsx('Kebutuhan', columns, [{ name: '=1+1', jp: 20 }]);
    const book = new Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Kebutuhan');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nama', 'JP']);
    expect(sheet.getRow(2).getCell(1).value).toBe("'=1+1");
    expect(sheet.getRow(2).getCell(2).value).toBe(20);
  });
});
