import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../libs/config';
import { InboxService } from '../notifications/inbox/inbox.service';
import { PreferencesService } from '../notifications/preferences/preferences.service';
import { notificationPageContext } from './notification-page-context';
import { preferencesFromForm } from './notification-preferences-form';
import { doneFlag, formProblems, safeNextPath, seeOther } from './notification-page-actions';
import { render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const PAGE_SIZE = 20;

/** A person's notifications and their settings, without script: plain forms post and redirect. */
@ApiExcludeController()
@Controller('notifikasi')
@UseFilters(PageExceptionFilter)
export class NotificationPagesController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated()
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('halaman') pageParam?: string,
    @Query('belum') unreadParam?: string,
  ) {
    const ctx = notificationPageContext(req, reply, user);
    const unreadOnly = unreadParam === '1';
    const page = Math.min(Math.max(1, Number(pageParam) || 1), 100000);
    const notifications = await this.inbox.list(user.id, ctx.locale, { page, pageSize: PAGE_SIZE, unreadOnly });
    await render(reply, 'notifications/list.eta', {
      ...ctx,
      title: ctx.t('notif.title'),
      notifications: notifications.items,
      page: notifications,
      pageUrl: (n: number) => `/notifikasi?halaman=${n}${unreadOnly ? '&belum=1' : ''}`,
      unreadOnly,
      isAdmin: user.role === 'unit_admin' || user.role === 'national_admin',
      notice: doneFlag(req) === 'all-read' ? ctx.t('notif.allMarked') : null,
    });
  }

  /** Opens what a notification is about, marking it read on the way. */
  @Post(':id/buka')
  @Authenticated()
  async open(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    const { link } = await this.inbox.markRead(user.id, id);
    await seeOther(reply, link ?? '/notifikasi');
  }

  @Post(':id/baca')
  @Authenticated()
  async read(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    await this.inbox.markRead(user.id, id);
    await seeOther(reply, safeNextPath(body, '/notifikasi'));
  }

  @Post('baca-semua')
  @Authenticated()
  async readAll(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply) {
    await this.inbox.markAllRead(user.id);
    await seeOther(reply, '/notifikasi?ok=all-read');
  }

  @Get('pengaturan')
  @Authenticated()
  async settings(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.settingsPage(user, req, reply, null);
  }

  @Post('pengaturan')
  @Authenticated()
  async saveSettings(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    try {
      await this.preferences.update(user.id, preferencesFromForm(body));
      await seeOther(reply, '/notifikasi/pengaturan?ok=saved');
    } catch (err) {
      await this.settingsPage(user, req, reply, formProblems(err), 422);
    }
  }

  private async settingsPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: ReturnType<typeof formProblems> | null,
    status = 200,
  ) {
    const ctx = notificationPageContext(req, reply, user);
    const preferences = await this.preferences.get(user.id);
    await render(
      reply,
      'notifications/preferences.eta',
      {
        ...ctx,
        title: ctx.t('prefs.title'),
        preferences,
        digestHour: String(this.config.mail.digestHourWib).padStart(2, '0'),
        problems,
        notice: doneFlag(req) === 'saved' ? ctx.t('prefs.saved') : null,
      },
      status,
    );
  }
}
