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

export { detectFormat, readTable } from '../../../../libs/content';
export type { TabularFormat as ImportFormat } from '../../../../libs/content';

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
