/**
 * Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): nine service elements, each answered
 * 1-4 by a respondent. The element's value (NRR) is the mean of its answers; the index is
 * the weighted sum of the nine means with equal weights (1/9), converted to 25-100 (×25).
 */
export const IKM_ELEMENTS = [
  { code: 'u1', name: 'persyaratan' },
  { code: 'u2', name: 'prosedur' },
  { code: 'u3', name: 'waktu' },
  { code: 'u4', name: 'biaya' },
  { code: 'u5', name: 'produk' },
  { code: 'u6', name: 'kompetensi' },
  { code: 'u7', name: 'perilaku' },
  { code: 'u8', name: 'pengaduan' },
  { code: 'u9', name: 'sarana' },
] as const;

export type ElementCode = (typeof IKM_ELEMENTS)[number]['code'];
export const ELEMENT_CODES: readonly ElementCode[] = IKM_ELEMENTS.map((e) => e.code);

/** 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 4;
/** The conversion factor from the 1-4 scale to the 25-100 index. */
export const IKM_SCALE = 25;

export type IkmCategoryLetter = 'A' | 'B' | 'C' | 'D';

/**
 * Nilai interval konversi and mutu pelayanan, as data. Bounds are in hundredths of an index
 * point, inclusive, so that the regulation's two-decimal gaps (64.99 | 65.00) have no holes.
 */
export const IKM_CATEGORIES: ReadonlyArray<{ letter: IkmCategoryLetter; from: number; to: number }> = [
  { letter: 'A', from: 8831, to: 10000 }, // Sangat Baik
  { letter: 'B', from: 7661, to: 8830 }, // Baik
  { letter: 'C', from: 6500, to: 7660 }, // Kurang Baik
  { letter: 'D', from: 2500, to: 6499 }, // Tidak Baik
];

export interface IkmResult {
  responses: number;
  /** Mean answer (1-4) of each element, in element order. */
  elementMeans: number[];
  /** The index rounded half up to two decimals (25.00-100.00). */
  ikm: number;
  category: IkmCategoryLetter;
}

/** The quality category of an index given in hundredths (8831 = 88.31). */
export function categoryOf(hundredths: number): IkmCategoryLetter {
  const hit = IKM_CATEGORIES.find((c) => hundredths >= c.from && hundredths <= c.to);
  if (!hit) throw new RangeError(`IKM ${hundredths / 100} lies outside 25-100`);
  return hit.letter;
}

/**
 * The index of `responses` answers whose per-element sums are `elementSums` (nine numbers).
 * Computed on integers: 100 × 25 × Σ(sum_e / n) / 9 = 2500 × Σ sum_e / (9n), rounded half up,
 * so that a value on a category bound is never pushed across it by floating point.
 */
export function ikmOf(elementSums: readonly number[], responses: number): IkmResult | null {
  if (elementSums.length !== IKM_ELEMENTS.length) throw new RangeError('IKM needs the nine element sums');
  if (responses <= 0) return null;
  const total = elementSums.reduce((a, b) => a + b, 0);
  const numerator = 100 * IKM_SCALE * total;
  const denominator = IKM_ELEMENTS.length * responses;
  const hundredths = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return {
    responses,
    elementMeans: elementSums.map((s) => s / responses),
    ikm: hundredths / 100,
    category: categoryOf(hundredths),
  };
}

/** True when the value is an allowed answer (an integer 1-4). */
export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}
