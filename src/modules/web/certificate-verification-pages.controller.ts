import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, RequestWithUser } from '../../../libs/auth';
import { DomainException } from '../../../libs/common';
import { VerificationService } from '../certification/verification/verification.service';
import { formatters } from './format';
import { seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const MAX_CODE = 64;

/**
 * The public certificate check (no login): a form, and the answer for one code. The
 * answer shows what the public verification allows and nothing else, in the same layout
 * for valid, revoked and unknown codes; it is never cached, since a status can change.
 */
@ApiExcludeController()
@Controller('verifikasi')
@UseFilters(PageExceptionFilter)
export class CertificateVerificationPagesController {
  constructor(private readonly verification: VerificationService) {}

  /** The form; `?kode=` (the form's GET) goes on to the code's own address. */
  @Get()
  @Public()
  async form(@Req() req: RequestWithUser, @Res() reply: FastifyReply, @Query('kode') kode?: string) {
    const code = codeFromInput(kode);
    if (code) return seeOther(reply, `/verifikasi/${encodeURIComponent(code)}`);
    const ctx = pageContext(req, reply, req.user ?? null);
    await render(reply, 'certificates/verify.eta', { ...ctx, title: ctx.t('verify.title'), result: null }, 200, false);
  }

  @Get(':code')
  @Public()
  async check(@Param('code') raw: string, @Req() req: RequestWithUser, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, req.user ?? null);
    const typed = raw.slice(0, MAX_CODE);
    void reply.header('cache-control', 'no-store');
    try {
      await this.verification.throttle(req.ip);
    } catch (err) {
      if (!(err instanceof DomainException) || err.error.kind !== 'rate_limited') throw err;
      const seconds = Number(err.details?.retryAfterSeconds ?? 60);
      void reply.header('retry-after', String(seconds));
      const message = ctx.t('verify.tooMany', { seconds });
      return render(reply, 'error.eta', { ...ctx, title: ctx.t('verify.tooManyTitle'), message }, 429, false);
    }
    const result = await this.verification.verify(typed);
    await render(
      reply,
      'certificates/verify.eta',
      { ...ctx, title: ctx.t('verify.title'), fmt: formatters(ctx.locale), result, typed },
      200,
      false,
    );
  }
}

/** What a person typed or pasted: a bare code, or the whole verification address from the QR code. */
export function codeFromInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  const trimmed = input.trim().slice(0, 300);
  const fromUrl = /\/verifikasi\/([^/?#\s]+)/.exec(trimmed)?.[1];
  return (fromUrl ?? trimmed).replace(/\s+/g, '').slice(0, MAX_CODE);
}
