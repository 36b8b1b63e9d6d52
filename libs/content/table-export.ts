import { Workbook } from 'exceljs';

/** One column of an exported table: its header and how a row gives its cell. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

// A cell starting with one of these is run as a formula by Excel/LibreOffice (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as typed: a leading formula character is escaped with '. */
export function safeCellText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = safeCellText(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so names with accents open right), CRLF,
 * text cells protected against formula injection; numbers stay numbers.
 */
export function toCsv<T>(columns: ExportColumn<T>[], rows: Iterable<T>): string {
  const lines = [csvLine(columns.map((c) => c.header))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => c.value(row))));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One CSV line (without its CRLF) of cell values. */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvCell).join(',');
}

/** The XLSX cells of a row: text protected, numbers as numbers, empty as null. */
export function xlsxCells<T>(columns: ExportColumn<T>[], row: T): Array<string | number | null> {
  return columns.map((c) => {
    const v = c.value(row);
    return typeof v === 'string' ? safeCellText(v) : (v ?? null);
  });
}

/**
 * A title as an Excel sheet name: at most `max` characters (31 in all), none of / \ ? * : [ ],
 * no apostrophe at either end. A unit named "Dinas Kominfo/Statistik" must not make a
 * workbook Excel calls damaged.
 */
export function sheetNameOf(title: string, max = 31): string {
  const name = title
    .replace(/[/\\?*:[\]]/g, '-')
    .slice(0, max)
    .replace(/^'+|'+$/g, '')
    .trim();
  return name || 'Sheet';
}

/** An XLSX workbook of one sheet; text cells protected as in CSV, the header row bold and frozen. */
export async function toXlsx<T>(sheetName: string, columns: ExportColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(xlsxCells(columns, row));
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, c.header.length + 2))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
