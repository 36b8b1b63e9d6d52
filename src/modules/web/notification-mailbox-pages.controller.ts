import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { DomainException } from '../../../libs/common';
import { DevMailbox } from '../notifications/mail/dev-mailbox';
import { NotificationsError } from '../notifications/notifications.errors';
import { notificationPageContext } from './notification-page-context';
import { render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/**
 * The dev mailbox: the e-mails the embedded default wrote to DATA_DIR/mail-outbox, so that
 * a newcomer sees what people would receive. Only without SMTP_URL and outside production
 * (otherwise a 404). A national admin sees everyone's messages; anyone else their own.
 */
@ApiExcludeController()
@Controller('dev/kotak-surat')
@UseFilters(PageExceptionFilter)
export class NotificationMailboxPagesController {
  constructor(private readonly mailbox: DevMailbox) {}

  @Get()
  @Authenticated()
  async list(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    this.assertEnabled();
    const ctx = notificationPageContext(req, reply, user);
    const messages = await this.mailbox.list(this.whose(user));
    await render(reply, 'notifications/mailbox.eta', {
      ...ctx,
      title: ctx.t('mailbox.title'),
      messages,
      everyone: this.whose(user) === null,
    });
  }

  @Get(':id')
  @Authenticated()
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const found = await this.message(user, id);
    const ctx = notificationPageContext(req, reply, user);
    await render(reply, 'notifications/mailbox-message.eta', {
      ...ctx,
      title: found.summary.subject,
      message: found.summary,
      headers: found.raw.split(/\r?\n\r?\n/)[0],
    });
  }

  /** The HTML part as the mail client would render it, sandboxed: no script, no form, no same origin. */
  @Get(':id/html')
  @Authenticated()
  async html(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() reply: FastifyReply) {
    const found = await this.message(user, id);
    await reply
      .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(found.summary.html);
  }

  @Get(':id/eml')
  @Authenticated()
  async raw(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() reply: FastifyReply) {
    const found = await this.message(user, id);
    await reply
      .header('content-disposition', `attachment; filename="${found.summary.id}.eml"`)
      .header('cache-control', 'no-store')
      .type('message/rfc822')
      .send(found.raw);
  }

  private async message(user: AuthUser, id: string) {
    this.assertEnabled();
    const found = await this.mailbox.get(id, this.whose(user));
    if (!found) throw new DomainException(NotificationsError.MESSAGE_NOT_FOUND, 'Message not found');
    return found;
  }

  private whose(user: AuthUser): string | null {
    return user.role === 'national_admin' ? null : user.id;
  }

  private assertEnabled(): void {
    if (!this.mailbox.enabled) throw new DomainException(NotificationsError.MESSAGE_NOT_FOUND, 'Not found');
  }
}
