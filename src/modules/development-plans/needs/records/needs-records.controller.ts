import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../../../libs/auth';
import { UuidParam } from '../../../../../libs/common';
import { readUploadedFile } from '../../../../../libs/content';
import { AssessmentQuery, RecordAssessmentDto } from '../dto/assessment.dto';
import { SkpRatingQuery } from '../dto/skp.dto';
import { TargetPositionDto } from '../dto/target-position.dto';
import { AssessmentsService } from './assessments.service';
import { SkpRatingsService } from './skp-ratings.service';
import { TargetPositionsService } from './target-positions.service';

export const SKP_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** The records a needs analysis rests on: assessments, SKP ratings, target positions. */
@ApiTags('development-plans: needs')
@ApiBearerAuth()
@Controller('api/development-plans/needs')
export class NeedsRecordsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly skp: SkpRatingsService,
    private readonly targets: TargetPositionsService,
  ) {}

  @Post('assessments')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(201)
  recordAssessment(@CurrentUser() user: AuthUser, @Body() dto: RecordAssessmentDto) {
    return this.assessments.record(user, scopeOf(user), dto);
  }

  @Get('assessments')
  @Roles('unit_admin', 'national_admin')
  listAssessments(@CurrentUser() user: AuthUser, @Query() query: AssessmentQuery) {
    return this.assessments.list(scopeOf(user), query);
  }

  @Delete('assessments/:id')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(204)
  async removeAssessment(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    await this.assessments.remove(scopeOf(user), id);
  }

  /** CSV or XLSX (multipart field "file"): NIP, Tahun, Predikat. All rows or none. */
  @Post('skp-imports')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  async importSkp(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    const { content } = await readUploadedFile(req, { maxBytes: SKP_FILE_MAX_BYTES });
    return this.skp.import(user, scopeOf(user), content);
  }

  @Get('skp-ratings')
  @Roles('unit_admin', 'national_admin')
  listSkp(@CurrentUser() user: AuthUser, @Query() query: SkpRatingQuery) {
    return this.skp.list(scopeOf(user), query);
  }

  /** The ASN's own aspiration. */
  @Put('me/target-position')
  @Authenticated()
  setMyTarget(@CurrentUser() user: AuthUser, @Body() dto: TargetPositionDto) {
    return this.targets.set(user, { kind: 'own', userId: user.id }, user.id, dto.positionId);
  }

  @Delete('me/target-position')
  @Authenticated()
  @HttpCode(204)
  async clearMyTarget(@CurrentUser() user: AuthUser) {
    await this.targets.clear({ kind: 'own', userId: user.id }, user.id);
  }

  @Put('people/:userId/target-position')
  @Roles('unit_admin', 'national_admin')
  setTarget(@CurrentUser() user: AuthUser, @Param('userId', UuidParam) userId: string, @Body() dto: TargetPositionDto) {
    return this.targets.set(user, scopeOf(user), userId, dto.positionId);
  }

  @Delete('people/:userId/target-position')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(204)
  async clearTarget(@CurrentUser() user: AuthUser, @Param('userId', UuidParam) userId: string) {
    await this.targets.clear(scopeOf(user), userId);
  }
}
