import type { FieldProblem } from '../../../../../libs/common';
import type { SkpRating } from '../person-gaps';

/** The words an SKP rating is written with (PermenPANRB 6/2022), and English for convenience. */
const RATING_WORDS: Record<string, SkpRating> = {
  'sangat baik': 'sangat_baik',
  baik: 'baik',
  'butuh perbaikan': 'butuh_perbaikan',
  kurang: 'kurang',
  'sangat kurang': 'sangat_kurang',
  'very good': 'sangat_baik',
  good: 'baik',
  'needs improvement': 'butuh_perbaikan',
  poor: 'kurang',
  'very poor': 'sangat_kurang',
};

const COLUMNS = { nip: ['nip'], year: ['tahun', 'year'], rating: ['predikat', 'nilai', 'rating'] } as const;
type SkpColumn = keyof typeof COLUMNS;

export interface SkpRow {
  line: number;
  nip: string;
  year: number;
  rating: SkpRating;
}

export const MAX_SKP_ROWS = 50_000;

/** "Sangat  baik", "SANGAT_BAIK" and "sangat-baik" all read as sangat_baik. */
export function ratingFromWords(words: string): SkpRating | null {
  return (
    RATING_WORDS[
      words
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ' ')
    ] ?? null
  );
}

/**
 * Reads an SKP table (header: NIP, Tahun, Predikat). Every problem is named by line and
 * column; the caller writes nothing unless the list is empty.
 */
export function readSkpTable(table: string[][], currentYear: number): { rows: SkpRow[]; problems: FieldProblem[] } {
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = {} as Record<SkpColumn, number>;
  const problems: FieldProblem[] = [];
  for (const column of Object.keys(COLUMNS) as SkpColumn[]) {
    const index = header.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h));
    if (index < 0)
      problems.push({
        field: COLUMNS[column][0],
        rule: 'column_missing',
        message: `column ${COLUMNS[column][0]} is missing from the header`,
      });
    at[column] = index;
  }
  if (problems.length) return { rows: [], problems };
  const rows: SkpRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => !c?.trim())) return;
    const problem = (column: string, rule: string, message: string) =>
      problems.push({ field: `line ${line}: ${column}`, rule, message: `line ${line}: ${message}` });
    const nip = (cells[at.nip] ?? '').replace(/\s+/g, '');
    const yearText = (cells[at.year] ?? '').trim();
    const ratingText = cells[at.rating] ?? '';
    const year = Number(yearText);
    const rating = ratingFromWords(ratingText);
    let ok = true;
    if (!/^\d{18}$/.test(nip)) ok = !problem('nip', 'nip', `NIP "${nip.slice(0, 24)}" is not 18 digits`);
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > currentYear) {
      ok = !problem('tahun', 'year', `year "${yearText.slice(0, 10)}" must be between 2000 and ${currentYear}`);
    }
    if (!rating) {
      ok = !problem(
        'predikat',
        'rating',
        `rating "${ratingText.slice(0, 30)}" is not Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang`,
      );
    }
    if (!ok) return;
    const key = `${nip}:${year}`;
    const first = seen.get(key);
    if (first)
      return void problem('nip', 'duplicate', `NIP ${nip} has a second rating for ${year} (first on line ${first})`);
    seen.set(key, line);
    rows.push({ line, nip, year, rating: rating! });
  });
  if (rows.length + problems.length === 0)
    problems.push({ field: 'file', rule: 'empty', message: 'the file has no rows' });
  if (rows.length > MAX_SKP_ROWS)
    problems.push({ field: 'file', rule: 'max_rows', message: `at most ${MAX_SKP_ROWS} rows per file` });
  return { rows, problems };
}
