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

/** Bahasa Indonesia unless the person chose English (cookie) or their browser asks for it first. */
export function localeOf(headers: Record<string, unknown>, cookies?: Record<string, string | undefined>): Locale {
  const chosen = cookies?.lang;
  if (chosen === 'en' || chosen === 'id') return chosen;
  const accept = typeof headers['accept-language'] === 'string' ? headers['accept-language'] : '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
