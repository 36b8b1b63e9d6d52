import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { flattenValidationErrors, PageQuery, UuidParam, validationFailed } from '../../../libs/common';
import { readUploadedFile, sendStoredFile } from '../../../libs/content';
import { FILE_STORAGE, FileStorage } from '../../../libs/storage';
import { ActivityReviewQuery, ExternalActivityDto, RejectActivityDto } from './dto/external-activity.dto';
import { EVIDENCE_MAX_BYTES, ExternalActivitiesService } from './external/external-activities.service';

/** External learning: learners record it with evidence, unit admins verify or reject it. */
@ApiTags('learning: external activities')
@ApiBearerAuth()
@Controller('api/learning/external-activities')
export class ExternalActivitiesController {
  constructor(
    private readonly activities: ExternalActivitiesService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Multipart: the fields of ExternalActivityDto, then the evidence as field "file" (PDF or image). */
  @Post()
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  async record(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    const upload = await readUploadedFile(req, { maxBytes: EVIDENCE_MAX_BYTES });
    const dto = plainToInstance(ExternalActivityDto, upload.fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationFailed(flattenValidationErrors(errors));
    return this.activities.record(user, dto, upload);
  }

  @Get()
  @Authenticated()
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.activities.mine(user.id, query);
  }

  @Get('review')
  @Roles('unit_admin', 'national_admin')
  review(@CurrentUser() user: AuthUser, @Query() query: ActivityReviewQuery) {
    return this.activities.forReview(scopeOf(user), query);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.activities.view(scopeOf(user), id);
  }

  @Get(':id/evidence')
  @Authenticated()
  async evidence(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.activities.evidence(scopeOf(user), id);
    await sendStoredFile(reply, req, this.storage, { ...file, disposition: 'attachment' });
  }

  @Post(':id/verification')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(200)
  verify(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.activities.verify(user, scopeOf(user), id);
  }

  @Post(':id/rejection')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: RejectActivityDto) {
    return this.activities.reject(user, scopeOf(user), id, dto.reason);
  }
}
