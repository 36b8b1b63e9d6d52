import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../../libs/auth';
import { PageQuery, UuidParam } from '../../../../libs/common';
import { sendStoredFile } from '../../../../libs/content';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { CreateExportDto } from './dto/export.dto';
import { ExportsService } from './exports.service';

export const EXPORT_MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Queued CSV/XLSX exports of people lists and dashboard tables: ask, follow, download. */
@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('api/monitoring/exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Post()
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateExportDto) {
    return this.exports.create(user, dto);
  }

  @Get()
  @Roles('unit_admin', 'national_admin')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.exports.mine(user, query);
  }

  @Get(':id')
  @Roles('unit_admin', 'national_admin')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.exports.get(user, id);
  }

  @Get(':id/file')
  @Roles('unit_admin', 'national_admin')
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.exports.file(user, id);
    await sendStoredFile(reply, req, this.storage, {
      key: file.key,
      mime: EXPORT_MIME[file.format],
      fileName: file.fileName,
      disposition: 'attachment',
    });
  }
}
