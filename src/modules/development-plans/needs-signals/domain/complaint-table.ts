import type { FieldProblem } from '../../../../../libs/common';
import { periodOf } from './complaint-trend';
import { themeKey, tidyText } from './theme-mapping';

/** One complaint count as read from a spreadsheet row (the unit is still a code). */
export interface ComplaintRow {
  line: number;
  unitCode: string;
  serviceArea: string;
  theme: string;
  period: string;
  count: number;
}

export const COMPLAINT_LIMITS = { unitCode: 40, serviceArea: 100, theme: 120, count: 1_000_000, rows: 20_000 };
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const HEADER = /unit|kode|layanan|service|tema|theme|period/i;

/** What is wrong with one complaint count (the form and the import share these rules). */
export function complaintProblems(
  row: Omit<ComplaintRow, 'line' | 'count'> & { count: string | number },
  now: Date,
  prefix = '',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, rule: string, message: string) =>
    problems.push({ field: `${prefix}${field}`, rule, message: `${prefix}${message}` });
  if (!row.unitCode) add('unitCode', 'required', 'unit code is required');
  else if (row.unitCode.length > COMPLAINT_LIMITS.unitCode) add('unitCode', 'max_length', 'unit code is too long');
  if (!row.serviceArea) add('serviceArea', 'required', 'service area is required');
  else if (row.serviceArea.length > COMPLAINT_LIMITS.serviceArea)
    add('serviceArea', 'max_length', `service area must be at most ${COMPLAINT_LIMITS.serviceArea} characters`);
  if (!row.theme) add('theme', 'required', 'theme is required');
  else if (row.theme.length > COMPLAINT_LIMITS.theme)
    add('theme', 'max_length', `theme must be at most ${COMPLAINT_LIMITS.theme} characters`);
  if (!PERIOD_PATTERN.test(row.period)) add('period', 'format', `period "${row.period}" must be a month YYYY-MM`);
  else if (row.period > periodOf(now)) add('period', 'not_future', `period ${row.period} has not begun yet`);
  const count = String(row.count).trim();
  if (!/^\d{1,7}$/.test(count) || Number(count) > COMPLAINT_LIMITS.count)
    add('count', 'integer', `count "${count}" must be a whole number from 0 to ${COMPLAINT_LIMITS.count}`);
  return problems;
}

/**
 * Reads the import table: unit code, service area, theme, period (YYYY-MM), count, in that
 * order, with an optional header row. Every problem names its line and column; a row that
 * repeats an earlier one (same unit, area, theme and month) is a problem too.
 */
export function readComplaintTable(table: string[][], now: Date): { rows: ComplaintRow[]; problems: FieldProblem[] } {
  const rows: ComplaintRow[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  table.forEach((cells, index) => {
    const line = index + 1;
    if (cells.every((c) => !c || !c.trim())) return;
    // A header names its columns; the period and count cells of a data row hold digits.
    if (index === 0 && HEADER.test(cells.join(' ')) && !/\d/.test(`${cells[3] ?? ''}${cells[4] ?? ''}`)) return;
    if (rows.length + problems.length >= COMPLAINT_LIMITS.rows) return;
    const [unitCode = '', area = '', theme = '', period = '', count = ''] = cells.map((c) => tidyText(c ?? ''));
    const row = { unitCode, serviceArea: area, theme, period, count };
    const found = complaintProblems(row, now, `line ${line}: `);
    if (found.length) {
      problems.push(...found);
      return;
    }
    const key = [unitCode.toUpperCase(), themeKey(area), themeKey(theme), period].join('|');
    if (seen.has(key)) {
      problems.push({
        field: `line ${line}: period`,
        rule: 'duplicate',
        message: `line ${line}: repeats line ${seen.get(key)} (same unit, service area, theme and month)`,
      });
      return;
    }
    seen.set(key, line);
    rows.push({ line, unitCode, serviceArea: area, theme, period, count: Number(count) });
  });
  if (table.length > COMPLAINT_LIMITS.rows + 1)
    problems.push({ field: 'file', rule: 'max_rows', message: `at most ${COMPLAINT_LIMITS.rows} rows per file` });
  return { rows, problems };
}
