import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

/**
 * Reading the spreadsheets people upload (CSV from Excel or LibreOffice, or XLSX): any
 * import (ASN, SKP ratings, complaint themes) starts here, then maps its own columns.
 */
export type TabularFormat = 'csv' | 'xlsx';

/** Decides by content, not by name: XLSX is a zip (PK\x03\x04); CSV is UTF-8 text. */
export function detectFormat(content: Buffer): TabularFormat | null {
  if (content.length >= 4 && content.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (content.includes(0)) return null;
  const text = content.toString('utf8');
  return text.includes('\uFFFD') ? null : 'csv';
}

export async function readTable(content: Buffer, format: TabularFormat): Promise<string[][]> {
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
