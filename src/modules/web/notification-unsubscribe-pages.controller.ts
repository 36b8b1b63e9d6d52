import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Public } from '../../../libs/auth';
import { UnsubscribeService } from '../notifications/preferences/unsubscribe.service';
import { notificationPageContext } from './notification-page-context';
import { render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/**
 * The unsubscribe link of every e-mail, for people who are not signed in: the signed token
 * in the path is the proof. GET only asks (mail scanners open links); the form POST does it.
 */
@ApiExcludeController()
@Controller('notifikasi/berhenti')
@UseFilters(PageExceptionFilter)
export class NotificationUnsubscribePagesController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get(':token')
  @Public()
  async ask(
    @CurrentUser() user: AuthUser | null,
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const grant = this.unsubscribe.inspect(token);
    await this.page(req, reply, user, token, grant.categories, false);
  }

  @Post(':token')
  @Public()
  async confirm(
    @CurrentUser() user: AuthUser | null,
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const grant = await this.unsubscribe.unsubscribe(token);
    await this.page(req, reply, user, token, grant.categories, true);
  }

  private async page(
    req: FastifyRequest,
    reply: FastifyReply,
    user: AuthUser | null,
    token: string,
    categories: string[],
    done: boolean,
  ) {
    const ctx = notificationPageContext(req, reply, user);
    await render(reply, 'notifications/unsubscribe.eta', {
      ...ctx,
      title: ctx.t('unsub.title'),
      token,
      categories,
      done,
    });
  }
}
