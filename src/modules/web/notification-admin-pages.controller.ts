import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { AddressFailuresService } from '../notifications/delivery/address-failures.service';
import { notificationPageContext } from './notification-page-context';
import { doneFlag, seeOther } from './notification-page-actions';
import { render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;

/** People of the admin's region whose e-mail address bounced for good, and clearing the mark. */
@ApiExcludeController()
@Controller('admin/surel-gagal')
@UseFilters(PageExceptionFilter)
export class NotificationAdminPagesController {
  constructor(private readonly failures: AddressFailuresService) {}

  @Get()
  @Roles(...ADMINS)
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('halaman') pageParam?: string,
  ) {
    const ctx = notificationPageContext(req, reply, user);
    const page = Math.min(Math.max(1, Number(pageParam) || 1), 100000);
    const failures = await this.failures.list(scopeOf(user), { page, pageSize: 50 });
    await render(reply, 'notifications/address-failures.eta', {
      ...ctx,
      title: ctx.t('failures.title'),
      failures: failures.items,
      page: failures,
      pageUrl: (n: number) => `/admin/surel-gagal?halaman=${n}`,
      notice: doneFlag(req) === 'cleared' ? ctx.t('failures.cleared') : null,
    });
  }

  @Post(':id/hapus')
  @Roles(...ADMINS)
  async clear(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.failures.clear(scopeOf(user), id);
    await seeOther(reply, '/admin/surel-gagal?ok=cleared');
  }
}
