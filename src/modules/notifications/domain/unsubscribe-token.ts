import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_CATEGORIES, NotificationCategory } from './categories';

/** Who stops receiving which e-mails: what an unsubscribe link carries. */
export interface UnsubscribeGrant {
  userId: string;
  categories: NotificationCategory[];
}

const VERSION = 1;
/** 128 bits of HMAC-SHA256: plenty against forgery, and the link stays short. */
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A link that works without signing in, so it has to prove itself: the grant plus an
 * HMAC under a key only the server holds. It does not expire (people unsubscribe from
 * old e-mails too); all it can do is switch e-mail off for the named categories.
 * Compact (about 50 characters) because it travels in a URL path: a version byte, the
 * user id's 16 bytes and one byte per category (its index in NOTIFICATION_CATEGORIES,
 * which therefore only ever grows at the end).
 */
export function signUnsubscribe(grant: UnsubscribeGrant, key: Buffer): string {
  const indices = [...new Set(grant.categories.map((c) => NOTIFICATION_CATEGORIES.indexOf(c)))].sort((a, b) => a - b);
  if (!UUID.test(grant.userId) || indices.length === 0 || indices.includes(-1)) {
    throw new Error('An unsubscribe link needs a user id and known categories');
  }
  const body = Buffer.concat([
    Buffer.from([VERSION]),
    Buffer.from(grant.userId.replace(/-/g, ''), 'hex'),
    Buffer.from(indices),
  ]).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

/** The grant of a genuine token; null for anything altered, truncated or made up. */
export function verifyUnsubscribe(token: string, key: Buffer): UnsubscribeGrant | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [body, given, extra] = token.split('.');
  if (!body || !given || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, key));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < 18 || bytes[0] !== VERSION) return null;
  const hex = bytes.subarray(1, 17).toString('hex');
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const categories = [...bytes.subarray(17)].map((i) => NOTIFICATION_CATEGORIES[i]);
  if (categories.some((c) => c === undefined)) return null;
  return { userId, categories };
}

/** The signing key, derived from the platform secret so that no extra secret is needed. */
export function unsubscribeKey(platformSecret: string): Buffer {
  return createHmac('sha256', platformSecret).update('bina/notifications/unsubscribe/v1').digest();
}

function mac(body: string, key: Buffer): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES).toString('base64url');
}
