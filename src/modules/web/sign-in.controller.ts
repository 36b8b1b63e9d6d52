import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Public, RequestWithUser } from '../../../libs/auth';
import { DomainException } from '../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../libs/config';
import { AuthService } from '../identity/auth/auth.service';
import { tokenOf } from '../identity/auth/jwt.strategy';
import { SignOutService } from '../identity/auth/sign-out.service';
import { clearSessionCookie, setSessionCookie } from '../identity/auth/session-cookie';
import { PageExceptionFilter } from './page-exception.filter';
import { pageContext, PageContext, render, safeNext } from './page-context';

/** The CSRF secret's cookie (set in bootstrap): it goes with the sign-in, a new one comes with the next page. */
export const CSRF_COOKIE = 'bina_csrf';

type SignInForm = Partial<Record<'username' | 'password' | 'next' | '_csrf', unknown>>;

/** Sign-in, sign-out and the language switch: the pages every visitor meets first. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly signOuts: SignOutService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async root(@Req() req: RequestWithUser, @Res() reply: FastifyReply): Promise<void> {
    await reply.redirect(req.user ? '/beranda' : '/masuk', 303);
  }

  @Get('masuk')
  @Public()
  async form(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('next') next?: string): Promise<void> {
    const ctx = pageContext(req, reply);
    const notice = req.query && (req.query as Record<string, string>).keluar ? ctx.t('signIn.signedOut') : null;
    await this.show(reply, ctx, { next: safeNext(next), notice });
  }

  @Post('masuk')
  @Public()
  async signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() body: SignInForm): Promise<void> {
    const ctx = pageContext(req, reply);
    const username = typeof body.username === 'string' ? body.username.slice(0, 254) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 128) : '';
    const next = safeNext(body.next);
    if (!username.trim() || !password) {
      return this.show(reply, ctx, { next, username, error: ctx.t('signIn.incomplete') }, 400);
    }
    try {
      const token = await this.auth.login(username, password, req.ip);
      setSessionCookie(reply, token.accessToken, this.config);
      await reply.redirect(next, 303);
    } catch (err) {
      if (!(err instanceof DomainException)) throw err;
      const retry = Number(err.details?.retryAfterSeconds ?? 0);
      const error =
        err.error.kind === 'rate_limited'
          ? ctx.t('signIn.tooMany', { minutes: Math.max(1, Math.ceil(retry / 60)) })
          : ctx.t('signIn.invalid');
      await this.show(reply, ctx, { next, username, error }, err.error.kind === 'rate_limited' ? 429 : 401);
    }
  }

  @Post('keluar')
  @Authenticated()
  async signOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // A copy of the cookie (a shared computer's profile, a proxy's log) stops working too.
    await this.signOuts.signOut(tokenOf(req));
    clearSessionCookie(reply, this.config);
    void reply.clearCookie(CSRF_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.cookieSecure,
    });
    // Answers a quiz kept on this device (a shared office computer) go with the sign-in.
    void reply.header('clear-site-data', '"storage"');
    await reply.redirect('/masuk?keluar=1', 303);
  }

  @Get('bahasa')
  @Public()
  async language(@Res() reply: FastifyReply, @Query('ke') to?: string, @Query('next') next?: string): Promise<void> {
    const locale = to === 'en' ? 'en' : 'id';
    void reply.setCookie('lang', locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    await reply.redirect(safeNext(next, '/masuk'), 303);
  }

  private show(reply: FastifyReply, ctx: PageContext, data: Record<string, unknown>, status = 200): Promise<void> {
    return render(
      reply,
      'sign-in.eta',
      { ...ctx, title: ctx.t('signIn.title'), error: null, notice: null, username: '', ...data },
      status,
    );
  }
}
