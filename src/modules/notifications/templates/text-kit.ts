import type { Locale } from '../../../../libs/common';

/** What a template says about one notification, as plain text (escaped later, per format). */
export interface NotificationText {
  title: string;
  lines: string[];
  /** The label of the link to the thing itself. */
  action: string;
}

export type Params = Record<string, string | number>;

/** Reads params forgivingly: a producer that leaves one out gets a sensible sentence, not "undefined". */
export interface ParamReader {
  text(name: string, fallback?: string): string;
  has(name: string): boolean;
  num(name: string): number | null;
  /** An ISO date/time param, as people in Indonesia read it (WIB). */
  date(name: string): string;
}

export function paramReader(params: Params, locale: Locale): ParamReader {
  const raw = (name: string) => params[name];
  return {
    text: (name, fallback = '') => {
      const value = raw(name);
      return value === undefined || value === '' ? fallback : String(value);
    },
    has: (name) => raw(name) !== undefined && raw(name) !== '',
    num: (name) => {
      const value = Number(raw(name));
      return raw(name) === undefined || Number.isNaN(value) ? null : value;
    },
    date: (name) => formatWibDate(raw(name), locale),
  };
}

export function formatWibDate(value: unknown, locale: Locale): string {
  const date = value instanceof Date ? value : new Date(String(value ?? ''));
  if (Number.isNaN(date.getTime())) return '-';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(date);
}

export type TextTemplate = (p: ParamReader) => NotificationText;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
