import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../libs/config';
import { ExportsService } from '../monitoring/exports/exports.service';
import { formatters } from './format';
import { doneFlag } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/** The admin's monitoring exports with their progress (refreshes itself while one runs) and downloads. */
@ApiExcludeController()
@Controller('pemantauan/ekspor')
@UseFilters(PageExceptionFilter)
export class MonitoringExportPagesController {
  constructor(
    private readonly exports: ExportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  async list(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const n = Math.floor(Number((req.query as Record<string, unknown>).page));
    const page = await this.exports.mine(user, {
      page: Number.isFinite(n) && n >= 1 && n <= 10000 ? n : 1,
      pageSize: 20,
    });
    const working = page.items.some((x) => x.status === 'queued' || x.status === 'running');
    await render(reply, 'monitoring/exports.eta', {
      ...ctx,
      title: ctx.t('monx.title'),
      fmt: formatters(ctx.locale),
      page,
      created: doneFlag(req) === 'dibuat',
      ttlDays: this.config.monitoringExports.ttlDays,
      refreshSeconds: working ? 2 : null,
      pageUrl: (p: number) => `/pemantauan/ekspor?page=${p}`,
    });
  }
}
