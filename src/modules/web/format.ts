import type { Locale } from '../../../libs/common';

/** Dates as people in Indonesia read them (WIB), in the page's language. */
export function formatDate(value: string | Date | null, locale: Locale): string {
  if (!value) return '-';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(value));
}

/** 2.5 → "2,5" in Indonesian, "2.5" in English. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(value);
}

/** Helpers every template may call as it.fmt.date(...) and it.fmt.jp(...). */
export function formatters(locale: Locale) {
  return {
    date: (value: string | Date | null) => formatDate(value, locale),
    jp: (value: number) => formatNumber(value, locale),
  };
}
