import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { DomainException, PageQuery, UuidParam, validationFailed } from '../../../../libs/common';
import { IdentityError } from '../identity.errors';
import { ImportsService } from './imports.service';

/** Bulk import of ASN from CSV or XLSX (multipart field "file"). */
@ApiTags('identity imports')
@ApiBearerAuth()
@Controller('api/identity/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'dryRun', required: false, description: 'true: report what would change, write nothing' })
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('dryRun') dryRun?: string,
  ) {
    const { fileName, content } = await readUpload(req);
    if (dryRun === 'true') {
      void reply.status(200);
      return this.imports.preview(scopeOf(user), content);
    }
    return this.imports.start(user, scopeOf(user), fileName, content);
  }

  @Get()
  @Roles('unit_admin', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.imports.list(scopeOf(user), query);
  }

  @Get(':id')
  @Roles('unit_admin', 'national_admin')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.imports.get(scopeOf(user), id);
  }

  @Get(':id/errors.csv')
  @Roles('unit_admin', 'national_admin')
  async errors(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    const csv = await this.imports.errorsCsv(scopeOf(user), id);
    await reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="galat-impor-${id}.csv"`)
      .send(`\uFEFF${csv}`);
  }
}

async function readUpload(req: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart())
    throw validationFailed([
      { field: 'file', rule: 'multipart', message: 'send the file as multipart/form-data field "file"' },
    ]);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') {
    throw validationFailed([{ field: 'file', rule: 'required', message: 'file is required' }]);
  }
  const content = await part.toBuffer();
  if (part.file.truncated) throw new DomainException(IdentityError.IMPORT_TOO_LARGE, 'The file is larger than allowed');
  return { fileName: part.filename, content };
}
