import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../../libs/auth';
import { readUploadedFile } from '../../../../../libs/content';
import { ComplaintTrendsQuery, MapThemeDto, RecordComplaintDto } from '../dto/complaint.dto';
import { ComplaintThemesService } from './complaint-themes.service';
import { ComplaintsService } from './complaints.service';

const ADMINS = ['unit_admin', 'national_admin'] as const;
export const COMPLAINT_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** Public complaint themes per unit and service area, and which competencies each theme points at. */
@ApiTags('development-plans')
@ApiBearerAuth()
@Controller('api/development-plans/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly themes: ComplaintThemesService,
  ) {}

  /** One month's count (recording the same unit, area, theme and month again replaces it). */
  @Post()
  @Roles(...ADMINS)
  @HttpCode(201)
  record(@CurrentUser() user: AuthUser, @Body() dto: RecordComplaintDto) {
    return this.complaints.record(user, scopeOf(user), dto);
  }

  /** CSV/XLSX: unit code, service area, theme, period (YYYY-MM), count. All rows or none. */
  @Post('import')
  @Roles(...ADMINS)
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  async import(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    const file = await readUploadedFile(req, { maxBytes: COMPLAINT_FILE_MAX_BYTES });
    return this.complaints.import(user, scopeOf(user), file.content);
  }

  /** Units of the caller's region with each theme's last six months and whether it is rising. */
  @Get()
  @Roles(...ADMINS)
  trends(@CurrentUser() user: AuthUser, @Query() query: ComplaintTrendsQuery) {
    return this.complaints.trends(scopeOf(user), query);
  }

  @Get('themes')
  @Roles(...ADMINS)
  async mappings(@CurrentUser() user: AuthUser) {
    return { themes: await this.themes.visible(scopeOf(user)) };
  }

  /** Sets the caller's region's mapping of a theme; an empty list removes it. */
  @Put('themes')
  @Roles(...ADMINS)
  async map(@CurrentUser() user: AuthUser, @Body() dto: MapThemeDto) {
    return { theme: await this.themes.map(user, scopeOf(user), dto) };
  }
}
