import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { UuidParam } from '../../../../libs/common';
import { DashboardService } from './dashboard.service';
import { CompetencyQuery, CompletionQuery, JpQuery, YearQuery } from './dto/dashboard-query.dto';
import { RebuildsService } from './rebuilds.service';

const ADMINS = ['unit_admin', 'national_admin'] as const;

/** Regional monitoring dashboards over the rollups, for the caller's region subtree (the nation for a national admin). */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/monitoring')
export class DashboardController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly rebuilds: RebuildsService,
  ) {}

  /** Headline numbers of every section and the JP of each child node. */
  @Get('overview')
  @Roles(...ADMINS)
  overview(@CurrentUser() user: AuthUser, @Query() query: YearQuery) {
    return this.dashboards.overview(scopeOf(user), query);
  }

  /** JP attainment: distribution, by employee type and golongan, per child, trend by month. */
  @Get('jp')
  @Roles(...ADMINS)
  jp(@CurrentUser() user: AuthUser, @Query() query: JpQuery) {
    return this.dashboards.jp(scopeOf(user), query);
  }

  /** Enrolled, in progress, completed, overdue and requested per course and assignment. */
  @Get('completion')
  @Roles(...ADMINS)
  completion(@CurrentUser() user: AuthUser, @Query() query: CompletionQuery) {
    return this.dashboards.completion(scopeOf(user), query);
  }

  /** Coverage per competency and the children × competency heatmap. */
  @Get('competencies')
  @Roles(...ADMINS)
  competencies(@CurrentUser() user: AuthUser, @Query() query: CompetencyQuery) {
    return this.dashboards.competencyCoverage(scopeOf(user), query);
  }

  /** Plans per status and the evaluation results (L1, L2, L3) of a year. */
  @Get('plans')
  @Roles(...ADMINS)
  plans(@CurrentUser() user: AuthUser, @Query() query: YearQuery) {
    return this.dashboards.plans(scopeOf(user), query);
  }

  /** Recomputes every rollup from the source tables (a queued job; one at a time). */
  @Post('rebuilds')
  @HttpCode(202)
  @Roles('national_admin')
  startRebuild(@CurrentUser() user: AuthUser) {
    return this.rebuilds.start(user);
  }

  @Get('rebuilds/:id')
  @Roles('national_admin')
  rebuild(@Param('id', UuidParam) id: string) {
    return this.rebuilds.get(id);
  }
}
