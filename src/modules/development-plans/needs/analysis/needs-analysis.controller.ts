import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../../../libs/auth';
import { PageQuery, UuidParam } from '../../../../../libs/common';
import { contentDisposition } from '../../../../../libs/content';
import { AgencyQuery, StartNeedsRunDto } from '../dto/needs-run.dto';
import { GapService } from '../gap.service';
import { PeopleInScope } from '../records/people-in-scope';
import { agencyCsv, agencyFileName, agencyXlsx } from './agency-export';
import { AgencyNeedsService } from './agency-needs.service';
import { NeedsRunsService } from './needs-runs.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Gap tables, analysis runs and the agency view with its exports. */
@ApiTags('development-plans: needs')
@ApiBearerAuth()
@Controller('api/development-plans/needs')
export class NeedsAnalysisController {
  constructor(
    private readonly gaps: GapService,
    private readonly people: PeopleInScope,
    private readonly runs: NeedsRunsService,
    private readonly agency: AgencyNeedsService,
  ) {}

  /** The caller's own gap table, from today's evidence. */
  @Get('me/gaps')
  @Authenticated()
  myGaps(@CurrentUser() user: AuthUser) {
    return this.gaps.gapsOf(user.id);
  }

  @Get('people/:userId/gaps')
  @Roles('unit_admin', 'national_admin')
  async gapsOf(@CurrentUser() user: AuthUser, @Param('userId', UuidParam) userId: string) {
    await this.people.byId(scopeOf(user), userId);
    return this.gaps.gapsOf(userId);
  }

  @Post('runs')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  start(@CurrentUser() user: AuthUser, @Body() dto: StartNeedsRunDto) {
    return this.runs.start(user, scopeOf(user), dto);
  }

  @Get('runs')
  @Roles('unit_admin', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.runs.list(scopeOf(user), query);
  }

  @Get('runs/:id')
  @Roles('unit_admin', 'national_admin')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.runs.get(scopeOf(user), id);
  }

  @Get('agency')
  @Roles('unit_admin', 'national_admin')
  agencyView(@CurrentUser() user: AuthUser, @Query() query: AgencyQuery) {
    return this.agency.view(scopeOf(user), query);
  }

  @Get('agency.csv')
  @Roles('unit_admin', 'national_admin')
  async agencyCsv(@CurrentUser() user: AuthUser, @Query() query: AgencyQuery, @Res() reply: FastifyReply) {
    const view = await this.agency.view(scopeOf(user), query);
    await reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition('attachment', agencyFileName(view, 'csv')))
      .header('cache-control', 'no-store')
      .send(agencyCsv(view));
  }

  @Get('agency.xlsx')
  @Roles('unit_admin', 'national_admin')
  async agencyXlsx(@CurrentUser() user: AuthUser, @Query() query: AgencyQuery, @Res() reply: FastifyReply) {
    const view = await this.agency.view(scopeOf(user), query);
    await reply
      .type(XLSX)
      .header('content-disposition', contentDisposition('attachment', agencyFileName(view, 'xlsx')))
      .header('cache-control', 'no-store')
      .send(await agencyXlsx(view));
  }
}
