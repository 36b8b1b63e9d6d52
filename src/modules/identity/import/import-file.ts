import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

/** The columns an ASN import understands; Indonesian header names first, English accepted. */
export const IMPORT_COLUMNS = {
  nip: ['nip'],
  name: ['nama', 'name'],
  email: ['email', 'e-mail'],
  phone: ['telepon', 'phone', 'hp'],
  employeeType: ['jenis_pegawai', 'employee_type'],
  golongan: ['golongan', 'grade'],
  positionCode: ['kode_jabatan', 'position_code'],
  unitCode: ['kode_unit', 'unit_code'],
  supervisorNip: ['nip_atasan', 'supervisor_nip'],
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const REQUIRED_COLUMNS: ImportColumn[] = ['nip', 'name', 'employeeType', 'unitCode'];
export const MAX_IMPORT_ROWS = 20_000;

/** The header name shown back to people in error reports (the Indonesian one). */
export const columnLabel = (column: ImportColumn): string => IMPORT_COLUMNS[column][0];

export interface ImportRow {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  values: Partial<Record<ImportColumn, string>>;
}

export interface ImportTable {
  rows: ImportRow[];
  /** Header names that are not import columns: ignored, never applied (e.g. role, region). */
  ignoredColumns: string[];
  missingColumns: ImportColumn[];
}

export type ImportFormat = 'csv' | 'xlsx';

/** Decides by content, not by name: XLSX is a zip (PK\x03\x04); CSV is UTF-8 text. */
export function detectFormat(content: Buffer): ImportFormat | null {
  if (content.length >= 4 && content.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (content.includes(0)) return null;
  const text = content.toString('utf8');
  return text.includes('\uFFFD') ? null : 'csv';
}

export async function readTable(content: Buffer, format: ImportFormat): Promise<string[][]> {
  return format === 'xlsx' ? readXlsx(content) : readCsv(content);
}

function readCsv(content: Buffer): string[][] {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Indonesian Excel exports CSV with ';' (comma is the decimal separator there).
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text.trim();
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

/** Maps the header to import columns and the data lines to rows (blank lines dropped, line numbers kept). */
export function toImportTable(table: string[][]): ImportTable {
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const columnAt = new Map<number, ImportColumn>();
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const column = (Object.keys(IMPORT_COLUMNS) as ImportColumn[]).find((c) =>
      (IMPORT_COLUMNS[c] as readonly string[]).includes(name),
    );
    if (column && ![...columnAt.values()].includes(column)) columnAt.set(index, column);
    else if (name) ignoredColumns.push(table[0][index].trim());
  });
  const present = new Set(columnAt.values());
  const rows: ImportRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => !c || !c.trim())) return;
    const values: ImportRow['values'] = {};
    for (const [index, column] of columnAt) {
      const value = cells[index]?.trim();
      if (value) values[column] = value;
    }
    rows.push({ line: i + 2, values });
  });
  return { rows, ignoredColumns, missingColumns: REQUIRED_COLUMNS.filter((c) => !present.has(c)) };
}
