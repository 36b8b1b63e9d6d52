import { INDONESIAN_MONTHS } from '../../../../libs/common';

/**
 * How a certificate writes dates, numbers and NIPs for an Indonesian reader. Pure and
 * free of Intl on purpose: the output must not change with the ICU data a server ships.
 */

/**
 * "2026-11-25" → "25 November 2026". The input is a calendar day already in WIB, so no
 * time zone is involved; an impossible day (2026-02-30) is a bug upstream and throws.
 */
export function formatIndonesianDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const [year, month, date] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new Error(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  }
  return `${date} ${INDONESIAN_MONTHS[month - 1]} ${year}`;
}

/**
 * 2.5 → "2,5", 1500 → "1.500": decimal comma, dot between thousands, at most two decimals
 * (JP are kept in tenths; two decimals leave room without printing float noise).
 */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  const hundredths = Math.round(Math.abs(value) * 100);
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const grouped = String(whole).replace(/\B(?=(\d{3})+$)/g, '.');
  const sign = value < 0 && hundredths > 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** 2.5 → "2,5 JP". */
export function formatJp(jp: number): string {
  return `${formatDecimal(jp)} JP`;
}

/**
 * "198609262015051001" → "19860926 201505 1 001": birth date, TMT CPNS, sex, sequence, as
 * the BKN prints it. Anything that is not 18 digits is returned trimmed, never dropped:
 * a certificate should show what the records hold rather than hide it.
 */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/** ["a", "b", "c"] → "a, b, dan c" (PUEBI puts a comma before the last "dan" of three or more). */
export function joinIndonesian(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} dan ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1]}`;
}
