import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { stream } from 'exceljs';
import { csvLine, ExportColumn, sheetNameOf, xlsxCells } from './table-export';

/** Rows of an XLSX sheet below its header: Excel's limit is 1,048,576 rows in all. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

/**
 * A table written to a file as its rows arrive, so that an export of millions of rows holds
 * one batch in memory, not the file. CSV and XLSX cells are protected as in toCsv/toXlsx.
 */
export interface TableFileWriter<T> {
  add(rows: readonly T[]): Promise<void>;
  /** Completes the file; returns how many rows it holds. */
  finish(): Promise<number>;
}

export function csvFileWriter<T>(path: string, columns: ExportColumn<T>[]): TableFileWriter<T> {
  const out = createWriteStream(path, { mode: 0o600 });
  let count = 0;
  let pending = `\uFEFF${csvLine(columns.map((c) => c.header))}\r\n`;
  return {
    async add(rows) {
      for (const row of rows) pending += `${csvLine(columns.map((c) => c.value(row)))}\r\n`;
      count += rows.length;
      await write(out, pending);
      pending = '';
    },
    async finish() {
      await write(out, pending);
      out.end();
      await once(out, 'close');
      return count;
    },
  };
}

/**
 * An XLSX workbook written through exceljs' streaming writer, one row committed at a time.
 * A table longer than a sheet goes on in "<title> (2)", "(3)"... each with the header row.
 */
export function xlsxFileWriter<T>(
  path: string,
  title: string,
  columns: ExportColumn<T>[],
  rowsPerSheet = XLSX_ROWS_PER_SHEET,
): TableFileWriter<T> {
  const workbook = new stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  let sheet: ReturnType<typeof workbook.addWorksheet> | null = null;
  let sheets = 0;
  let inSheet = 0;
  let count = 0;
  const openSheet = () => {
    sheets += 1;
    const suffix = sheets === 1 ? '' : ` (${sheets})`;
    sheet = workbook.addWorksheet(`${sheetNameOf(title, 31 - suffix.length)}${suffix}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = columns.map((c) => ({ width: Math.min(60, Math.max(10, c.header.length + 2)) }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    inSheet = 0;
    return sheet;
  };
  return {
    async add(rows) {
      for (const row of rows) {
        if (!sheet || inSheet >= rowsPerSheet) {
          sheet?.commit();
          openSheet();
        }
        sheet!.addRow(xlsxCells(columns, row)).commit();
        inSheet += 1;
        count += 1;
      }
      // Let the zip stream drain what was committed before the next batch is read.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    async finish() {
      if (!sheet) openSheet();
      sheet!.commit();
      await workbook.commit();
      return count;
    },
  };
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (text === '' || out.write(text, 'utf8')) return;
  await once(out, 'drain');
}
