import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The survey's device mark: a random value in an HttpOnly cookie, nothing else. It names no
 * person and is only ever stored as a keyed hash (SurveyKeys.deviceHash).
 */
export const DEVICE_COOKIE = 'bina_survei';
const TWO_YEARS_S = 2 * 365 * 24 * 3600;
const SHAPE = /^[A-Za-z0-9_-]{32,64}$/;

/** Ids handed out during a request, so that asking twice (submit, then the page) gives one id and one cookie. */
const issued = new WeakMap<FastifyRequest, string>();

/** The device id from the cookie, or a new one set on the reply (the response that follows carries it). */
export function deviceIdFor(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const current = req.cookies?.[DEVICE_COOKIE];
  if (current && SHAPE.test(current)) return current;
  const already = issued.get(req);
  if (already) return already;
  const id = randomBytes(24).toString('base64url');
  issued.set(req, id);
  void reply.setCookie(DEVICE_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: TWO_YEARS_S,
  });
  return id;
}
