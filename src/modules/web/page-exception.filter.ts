import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllExceptionsFilter, CommonError, DomainException, toErrorBody } from '../../../libs/common';
import { PageContext, pageContext, render, returnPath } from './page-context';

/**
 * A page's script calling its form in the background (the quiz autosave) asks for JSON
 * and not HTML: it gets its answer and errors as JSON, not the page or a redirect that
 * fetch would follow. Anything that also takes HTML is a browser and gets pages. The one
 * rule for page routes and this filter alike.
 */
export function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Errors on pages become pages: a visitor who is not signed in is sent to the
 * sign-in page (and brought back afterwards); anything else gets a friendly page
 * with the request id, never JSON or a stack trace.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body } = toErrorBody(exception, String(req.id));
    if (body.statusCode === 401) {
      if (wantsJson(req)) {
        await reply.status(401).type('application/json; charset=utf-8').send(body);
        return;
      }
      await reply.redirect(`/masuk?next=${encodeURIComponent(returnPath(req))}`, 303);
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: req.id }, 'Page failed');
    const ctx = pageContext(req, reply);
    const message =
      body.statusCode === 404
        ? ctx.t('errors.notFound')
        : body.code === CommonError.CSRF_INVALID.code
          ? ctx.t('errors.csrf')
          : (refusal(exception, body.statusCode, ctx) ?? ctx.t('errors.generic', { requestId: body.requestId }));
    // A refused form goes back to the page it came from; a page that failed to show, home.
    const back = req.method === 'GET' || req.method === 'HEAD' ? null : returnPath(req, '');
    await render(
      reply,
      'error.eta',
      { ...ctx, title: ctx.t('errors.title'), message, back: back || null },
      body.statusCode,
    );
  }
}

/**
 * Why the platform refused what was asked (a quiz closed meanwhile, a role that may not do
 * it), in the page's language: a refusal says what happened, not only a request id. Null
 * for failures of the platform itself, and on Indonesian pages for a reason not yet worded
 * in Indonesian (the generic sentence is better there than English).
 */
function refusal(exception: unknown, status: number, ctx: PageContext): string | null {
  if (!(exception instanceof DomainException) || status >= 500) return null;
  const text = ctx.describeProblem({ field: '', rule: '', message: exception.message });
  return ctx.locale === 'en' || text !== exception.message ? text : null;
}

/**
 * The application-wide filter. The CSRF check runs in a Fastify hook, before any page
 * controller and its PageExceptionFilter: a page form refused by it (a tab restored after
 * the CSRF cookie was gone) gets the error page too, not the API's JSON.
 */
@Catch()
export class AppExceptionsFilter extends AllExceptionsFilter {
  private readonly pages = new PageExceptionFilter();

  override catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    if (host.getType() === 'http') {
      const req = host.switchToHttp().getRequest<FastifyRequest>();
      const { body } = toErrorBody(exception, String(req.id));
      const page = !req.url.startsWith('/api/') && req.url !== '/api' && !wantsJson(req);
      if (page && body.code === CommonError.CSRF_INVALID.code) return this.pages.catch(exception, host);
    }
    super.catch(exception, host);
  }
}
