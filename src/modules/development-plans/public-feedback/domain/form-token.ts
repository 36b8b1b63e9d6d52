import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed start time every survey form carries: the server knows when the form was
 * handed out without keeping anything, and a bot that posts within a second of loading the
 * page (or posts a made-up time) is refused. Bound to the unit, so that one token cannot
 * be replayed against every unit.
 */
export type FormTokenCheck = 'ok' | 'too_fast' | 'expired' | 'invalid';

function mac(key: Buffer, unitId: string, issuedAtMs: number): string {
  return createHmac('sha256', key).update(`${unitId}.${issuedAtMs}`).digest('base64url').slice(0, 27);
}

export function signFormToken(key: Buffer, unitId: string, issuedAt: Date): string {
  const ms = issuedAt.getTime();
  return `${ms.toString(36)}.${mac(key, unitId, ms)}`;
}

export function checkFormToken(
  key: Buffer,
  token: string,
  unitId: string,
  now: Date,
  limits: { minFillMs: number; maxAgeMs: number },
): FormTokenCheck {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{27})$/.exec(token);
  if (!m) return 'invalid';
  const issuedAtMs = parseInt(m[1], 36);
  const expected = Buffer.from(mac(key, unitId, issuedAtMs));
  if (!timingSafeEqual(expected, Buffer.from(m[2]))) return 'invalid';
  const age = now.getTime() - issuedAtMs;
  if (age < limits.minFillMs) return 'too_fast';
  if (age > limits.maxAgeMs) return 'expired';
  return 'ok';
}

/** The device cookie as stored: keyed with a server secret, so the table alone cannot be matched to a browser. */
export function deviceHash(key: Buffer, deviceId: string): string {
  return createHmac('sha256', key).update(deviceId).digest('base64url');
}
