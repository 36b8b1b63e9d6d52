import { wibDay } from '../../../../libs/common/wib';

/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD, TMT CPNS YYYYMM,
 * sex digit (1 male, 2 female) and a sequence 001-999. Shown as
 * "19860926 201505 1 001", stored without spaces. A NIP is personal data: log it
 * masked (maskNip), never in full.
 */
export type NipProblem =
  | 'format'
  | 'length'
  | 'birth_date'
  | 'appointment_month'
  | 'appointment_before_birth'
  | 'appointment_in_future'
  | 'sex_digit'
  | 'sequence';

export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  appointment: string; // YYYY-MM
  sex: 'male' | 'female';
  sequence: number;
}

export type NipCheck = { ok: true; nip: string; parts: NipParts } | { ok: false; problem: NipProblem; message: string };

export const NIP_PROBLEM_MESSAGES: Record<NipProblem, string> = {
  format: 'NIP may hold only digits (spaces between groups are allowed)',
  length: 'NIP must have exactly 18 digits',
  birth_date: 'the first 8 digits must be a valid birth date (YYYYMMDD)',
  appointment_month: 'digits 9-14 must be a valid TMT CPNS month (YYYYMM)',
  appointment_before_birth: 'the TMT CPNS month must come after the birth date',
  appointment_in_future: 'the TMT CPNS month cannot be in the future',
  sex_digit: 'digit 15 must be 1 (male) or 2 (female)',
  sequence: 'the last 3 digits must be a sequence from 001 to 999',
};

const fail = (problem: NipProblem): NipCheck => ({ ok: false, problem, message: NIP_PROBLEM_MESSAGES[problem] });

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function checkNip(input: string, now: Date = new Date()): NipCheck {
  const compact = String(input ?? '')
    .trim()
    .replace(/ +/g, '');
  if (!/^\d*$/.test(compact)) return fail('format');
  if (compact.length !== 18) return fail('length');
  const n = (from: number, to: number) => Number(compact.slice(from, to));
  const [by, bm, bd] = [n(0, 4), n(4, 6), n(6, 8)];
  const [ty, tm] = [n(8, 12), n(12, 14)];
  const sexDigit = compact[14];
  const sequence = n(15, 18);

  // The year and month in Indonesia (WIB): a TMT of this month is valid from 00:00 WIB on the 1st.
  const [thisYear, thisMonth] = wibDay(now).split('-').map(Number);
  if (by < 1900 || by > thisYear || !validDate(by, bm, bd)) return fail('birth_date');
  if (ty < 1900 || tm < 1 || tm > 12) return fail('appointment_month');
  if (ty * 12 + tm <= by * 12 + bm) return fail('appointment_before_birth');
  if (ty * 12 + tm > thisYear * 12 + thisMonth) return fail('appointment_in_future');
  if (sexDigit !== '1' && sexDigit !== '2') return fail('sex_digit');
  if (sequence < 1) return fail('sequence');

  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return {
    ok: true,
    nip: compact,
    parts: {
      birthDate: `${by}-${pad(bm)}-${pad(bd)}`,
      appointment: `${ty}-${pad(tm)}`,
      sex: sexDigit === '1' ? 'male' : 'female',
      sequence,
    },
  };
}

/** "198609262015051001" -> "19860926 201505 1 001" */
export function formatNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}` : nip;
}

/** For logs and lists that need a hint but not the number: "**************1001". */
export function maskNip(nip: string | null | undefined): string {
  if (!nip) return '';
  return `${'*'.repeat(Math.max(0, nip.length - 4))}${nip.slice(-4)}`;
}
