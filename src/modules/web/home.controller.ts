import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { formatters } from './format';
import { HomeService } from './home.service';
import { PageExceptionFilter } from './page-exception.filter';
import { pageContext, render } from './page-context';

@ApiExcludeController()
@Controller('beranda')
@UseFilters(PageExceptionFilter)
export class HomeController {
  constructor(private readonly home: HomeService) {}

  /** The home page of every role; the sections shown depend on the role. */
  @Get()
  @Authenticated()
  async show(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = pageContext(req, reply, user);
    const model = await this.home.forUser(user);
    await render(reply, 'home.eta', { ...ctx, title: ctx.t('nav.home'), fmt: formatters(ctx.locale), ...model });
  }
}
