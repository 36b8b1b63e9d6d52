import type { Locale } from '../../../libs/common';

/** Dates as people in Indonesia read them (WIB), in the page's language. */
export function formatDate(value: string | Date | null, locale: Locale): string {
  return value ? wibFormat(locale, {}).format(new Date(value)) : '-';
}

/** A moment with its WIB time, for what ends at an hour (a quiz closing, a timed attempt): "5 Oktober 2026 pukul 14.00 WIB". */
export function formatDateTime(value: string | Date | null, locale: Locale): string {
  return value ? `${wibFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(value))} WIB` : '-';
}

function wibFormat(locale: Locale, time: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...time,
    timeZone: 'Asia/Jakarta',
  });
}

/** 2.5 → "2,5" in Indonesian, "2.5" in English. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(value);
}

/**
 * Points and percentages as a grade is kept (hundredths): up to two decimals, never rounded
 * up, so 69.96 shows "69,96" (not "70") beside a pass mark of 70, and 0.25 points "0,25".
 */
export function formatScore(value: number, locale: Locale): string {
  const hundredths = value * 100;
  const nearest = Math.round(hundredths);
  // Below a hundredth is float noise (0.29 * 100 = 28.999…), not a value to cut down.
  const kept = Math.abs(hundredths - nearest) < 1e-6 ? nearest : Math.floor(hundredths);
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(
    kept / 100 || 0,
  );
}

/** A number as given (a numeric answer key, say), in the page's decimal style, never cut to a few decimals. */
export function formatExact(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 10 }).format(value);
}

/** Helpers every template may call as it.fmt.date(...), it.fmt.dateTime(...), it.fmt.jp(...), it.fmt.score(...) and it.fmt.exact(...). */
export function formatters(locale: Locale) {
  return {
    date: (value: string | Date | null) => formatDate(value, locale),
    dateTime: (value: string | Date | null) => formatDateTime(value, locale),
    jp: (value: number) => formatNumber(value, locale),
    score: (value: number) => formatScore(value, locale),
    exact: (value: number) => formatExact(value, locale),
  };
}
