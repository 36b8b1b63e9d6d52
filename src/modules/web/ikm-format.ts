import type { Locale } from '../../../libs/common';
import { parsePeriod } from '../development-plans/public-feedback/domain/survey-period';

/** 87.5 → "87,50" in Indonesian, "87.50" in English (the index always shows two decimals). */
export function formatIkm(value: number | null, locale: Locale): string {
  if (value === null) return '-';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** "2026-S1" → "Semester 1 2026"; "2026-Q3" → "Triwulan 3 2026" / "Quarter 3 2026"; "2026-07" → "Juli 2026". */
export function formatPeriod(key: string, locale: Locale): string {
  const p = parsePeriod(key);
  if (!p) return key;
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'semester') return `Semester ${p.index} ${p.year}`;
  if (p.kind === 'quarter') return `${locale === 'en' ? 'Quarter' : 'Triwulan'} ${p.index} ${p.year}`;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(p.year, p.index - 1, 15)));
}

/** Helpers the IKM templates call as it.ikm.value(...) and it.ikm.period(...). */
export function ikmFormatters(locale: Locale) {
  return {
    value: (v: number | null) => formatIkm(v, locale),
    period: (key: string) => formatPeriod(key, locale),
    mean: (v: number | undefined) => (v === undefined ? '-' : formatIkm(v, locale)),
  };
}
