import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '../../../libs/common';
import { pageContext, render, returnPath } from './page-context';

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
      await reply.redirect(`/masuk?next=${encodeURIComponent(returnPath(req))}`, 303);
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: req.id }, 'Page failed');
    const ctx = pageContext(req, reply);
    const message =
      body.statusCode === 404 ? ctx.t('errors.notFound') : ctx.t('errors.generic', { requestId: body.requestId });
    await render(reply, 'error.eta', { ...ctx, title: ctx.t('errors.title'), message }, body.statusCode);
  }
}
