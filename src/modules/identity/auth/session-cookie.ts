import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../../../libs/config';

/** The browser session: the access token in an httpOnly, SameSite cookie. */
export const SESSION_COOKIE = 'bina_session';

export function setSessionCookie(reply: FastifyReply, token: string, config: AppConfig): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.cookieSecure,
    path: '/',
    maxAge: config.auth.jwtTtlSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.cookieSecure,
  });
}
