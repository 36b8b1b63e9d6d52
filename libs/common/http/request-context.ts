import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a caller's X-Request-Id when it is sane, so logs line up across services. */
export function requestIdFor(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];

/**
 * Bahasa Indonesia unless the person chose English (the language switch sets a cookie).
 * The browser's Accept-Language is not followed: many phones here run an English
 * system language, and the platform speaks Indonesian first.
 */
export function localeOf(cookies?: Record<string, string | undefined>): Locale {
  const chosen = cookies?.lang;
  return chosen === 'en' ? 'en' : 'id';
}
