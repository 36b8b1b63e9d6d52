import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../../../libs/auth';
import { FieldProblem, Locale, localeOf } from '../../../libs/common';
import { translator, Translate } from './i18n/messages';
import { problemText } from './i18n/problem-text';

export interface PageContext {
  locale: Locale;
  t: Translate;
  csrfToken: string;
  user: AuthUser | null;
  /** The current path, for the language switch to come back to. */
  path: string;
  /** A form problem in the page's language (partials/problems). */
  describeProblem: (problem: FieldProblem) => string;
}

export function pageContext(req: FastifyRequest, reply: FastifyReply, user: AuthUser | null = null): PageContext {
  const locale = localeOf(req.cookies);
  return {
    locale,
    t: translator(locale),
    csrfToken: reply.generateCsrf(),
    user,
    path: returnPath(req),
    describeProblem: (problem) => problemText(locale, problem),
  };
}

/**
 * Where to bring a visitor back to (after signing in again, or switching language): the
 * page itself for a GET; for a form post, whose URL answers POST only (and may carry a CSRF
 * token), the page the form was on, from the Referer when it is this site's.
 */
export function returnPath(req: FastifyRequest, fallback = '/beranda'): string {
  if (req.method === 'GET' || req.method === 'HEAD') return req.url;
  const referer = req.headers.referer;
  if (typeof referer !== 'string') return fallback;
  try {
    const from = new URL(referer);
    if (from.host !== req.headers.host) return fallback;
    return safeNext(`${from.pathname}${from.search}`, fallback);
  } catch {
    return fallback;
  }
}

/** Only same-site relative paths are followed after sign-in or a language switch (no open redirect). */
export function safeNext(next: unknown, fallback = '/beranda'): string {
  if (typeof next !== 'string' || next.length > 300) return fallback;
  return /^\/(?![/\\])[^\s]*$/.test(next) ? next : fallback;
}

/** Headers for pages: a strict CSP (no inline script or style) and no caching of personal pages. */
export function pageHeaders(reply: FastifyReply, personal: boolean): void {
  void reply.header(
    'content-security-policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  if (personal) void reply.header('cache-control', 'no-store');
}

export async function render(
  reply: FastifyReply,
  view: string,
  data: Record<string, unknown>,
  status = 200,
  personal = true,
): Promise<void> {
  pageHeaders(reply, personal);
  const html = await reply.viewAsync(view, data);
  await reply.status(status).type('text/html; charset=utf-8').send(html);
}
