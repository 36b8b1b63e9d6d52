import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { TargetPositionsService } from '../development-plans/needs/records/target-positions.service';
import { OrganisationApi } from '../organisation/organisation.api';
import { formatters } from './format';
import { doneFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { gapPageData } from './needs-page-data';
import { GapService } from '../development-plans/needs/gap.service';

const NOTICES = { 'target-saved': 'needs.target.saved', 'target-cleared': 'needs.target.cleared' } as const;

/** "Analisis Kebutuhan Saya": the ASN's own gap table and chart, and their target position. */
@ApiExcludeController()
@Controller('analisis-kebutuhan')
@UseFilters(PageExceptionFilter)
export class NeedsPagesController {
  constructor(
    private readonly gapService: GapService,
    private readonly targets: TargetPositionsService,
    private readonly organisation: OrganisationApi,
  ) {}

  @Get()
  @Authenticated()
  async mine(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.page(user, req, reply, null, '');
  }

  /** Sets the aspiration by position code; an empty code removes it. */
  @Post('jabatan-tujuan')
  @Authenticated()
  async setTarget(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const code = formText(body, 'positionCode', 40);
    const own = { kind: 'own' as const, userId: user.id };
    if (!code) {
      await this.targets.clear(own, user.id);
      return seeOther(reply, '/analisis-kebutuhan?ok=target-cleared');
    }
    const [position] = await this.organisation.positionsByCodes([code]);
    const ctx = pageContext(req, reply, user);
    if (!position) {
      const problems = { message: ctx.t('needs.target.unknown'), fields: [] };
      return this.page(user, req, reply, problems, code, 422);
    }
    try {
      await this.targets.set(user, own, user.id, position.id);
    } catch (err) {
      return this.page(user, req, reply, formProblems(err), code, 422);
    }
    await seeOther(reply, '/analisis-kebutuhan?ok=target-saved');
  }

  private async page(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: { message: string; fields: Array<{ field: string; message: string }> } | null,
    code: string,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const flag = doneFlag(req) as keyof typeof NOTICES | null;
    await render(
      reply,
      'needs/mine.eta',
      {
        ...ctx,
        title: ctx.t('needs.mine.title'),
        fmt: formatters(ctx.locale),
        ...(await gapPageData(this.sources(), user.id, ctx.t)),
        problems,
        code,
        notice: flag && flag in NOTICES ? ctx.t(NOTICES[flag]) : null,
      },
      status,
    );
  }

  private sources() {
    return { gapService: this.gapService, targets: this.targets, organisation: this.organisation };
  }
}
