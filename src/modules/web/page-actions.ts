import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainException, FieldProblem } from '../../../libs/common';

/** A text field of a submitted form, trimmed and bounded (forms never bind to DTOs directly). */
export function formText(body: unknown, name: string, max = 500): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A checkbox: present means on. */
export function formFlag(body: unknown, name: string): boolean {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return value === 'on' || value === 'true' || value === '1';
}

/** Post/redirect/get: after a form succeeds the browser loads the page afresh (no double submit). */
export async function seeOther(reply: FastifyReply, url: string): Promise<void> {
  await reply.redirect(url, 303);
}

/**
 * What went wrong with a form, for showing beside it: the field problems of a domain or
 * validation error, or its message. Anything that is not a domain error is rethrown
 * (the page filter turns it into the error page).
 */
export function formProblems(err: unknown): { message: string; fields: FieldProblem[] } {
  if (!(err instanceof DomainException)) throw err;
  return { message: err.message, fields: err.details?.fields ?? [] };
}

/** The `ok` query flag of a page reached after a successful form (shown as a status line). */
export function doneFlag(req: FastifyRequest): string | null {
  const ok = (req.query as Record<string, unknown> | undefined)?.ok;
  return typeof ok === 'string' && /^[a-z0-9-]{1,30}$/.test(ok) ? ok : null;
}
