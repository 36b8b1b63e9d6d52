import { randomBytes } from 'node:crypto';

/**
 * The public verification code: 18 random bytes (144 bits, above the 128 the issue asks
 * for) in base64url, 24 characters. It is the only handle the public ever sees.
 */
export function newVerificationCode(): string {
  return randomBytes(18).toString('base64url');
}

export function isVerificationCode(value: string): boolean {
  return /^[A-Za-z0-9_-]{24}$/.test(value);
}

/**
 * The issuer as a serial prints it. Unit codes that differ only in case or in `_` against
 * `-` print the same, so the serial counter is kept per printed issuer: two such units
 * share one run of numbers instead of printing the same serial twice.
 */
export function serialIssuer(issuerCode: string | null): string {
  return (issuerCode ?? 'NASIONAL')
    .toUpperCase()
    .replace(/[^A-Z0-9.-]+/g, '-')
    .slice(0, 40);
}

/** The printed serial: `BINA/<issuer>/<year>/<number>`, numbers from 1 each year. */
export function formatSerial(issuer: string, year: number, number: number): string {
  return `BINA/${issuer}/${year}/${String(number).padStart(6, '0')}`;
}

const wibDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of a moment as people in WIB read the calendar. */
export function wibDay(moment: Date): string {
  return wibDate.format(moment);
}
