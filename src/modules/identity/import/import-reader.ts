import { DomainException } from '../../../../libs/common';
import { IdentityError } from '../identity.errors';
import { detectFormat, ImportFormat, ImportTable, MAX_IMPORT_ROWS, readTable, toImportTable } from './import-file';

/** Reads an uploaded file into an import table, refusing what is not a usable CSV/XLSX. */
export async function readImportFile(content: Buffer): Promise<{ format: ImportFormat; table: ImportTable }> {
  const format = detectFormat(content);
  if (!format) {
    throw new DomainException(IdentityError.IMPORT_FILE_INVALID, 'The file is neither UTF-8 CSV nor XLSX', {
      fields: [{ field: 'file', rule: 'format', message: 'file must be a UTF-8 CSV or an XLSX workbook' }],
    });
  }
  let table: ImportTable;
  try {
    table = toImportTable(await readTable(content, format));
  } catch (err) {
    throw new DomainException(
      IdentityError.IMPORT_FILE_INVALID,
      `The file cannot be read: ${(err as Error).message}`.slice(0, 300),
      {
        fields: [{ field: 'file', rule: 'readable', message: 'file could not be parsed' }],
      },
    );
  }
  if (table.missingColumns.length > 0) {
    const names = table.missingColumns.join(', ');
    throw new DomainException(IdentityError.IMPORT_FILE_INVALID, `Required columns are missing: ${names}`, {
      fields: [{ field: 'file', rule: 'columns', message: `missing columns: ${names}` }],
    });
  }
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw new DomainException(IdentityError.IMPORT_TOO_LARGE, `At most ${MAX_IMPORT_ROWS} rows per file`, {
      fields: [
        { field: 'file', rule: 'maxRows', message: `file has ${table.rows.length} rows; at most ${MAX_IMPORT_ROWS}` },
      ],
    });
  }
  return { format, table };
}
