import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { flattenValidationErrors, PageQuery, UuidParam, validationFailed } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { AssignmentsService } from './assignments/assignments.service';
import { nipsFromCsv } from './assignments/nip-list';
import { CreateAssignmentDto } from './dto/assignment.dto';

const CSV_MAX_BYTES = 2 * 1024 * 1024;

/** Unit admins assign courses to the ASN of their region; the enrolling runs as a queued job. */
@ApiTags('learning: assignments')
@ApiBearerAuth()
@Controller('api/learning/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post()
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAssignmentDto) {
    return this.assignments.create(user, dto);
  }

  /** The same from a CSV of NIPs: multipart with fields courseId, deadline (optional) and file. */
  @Post('csv')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  async fromCsv(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest) {
    const upload = await readUploadedFile(req, { maxBytes: CSV_MAX_BYTES });
    const { nips, unreadableLines } = nipsFromCsv(upload.content.toString('utf8'));
    if (unreadableLines.length || nips.length === 0) {
      throw validationFailed([
        {
          field: 'file',
          rule: 'nip_list',
          message: nips.length
            ? `lines without an 18-digit NIP: ${unreadableLines.slice(0, 20).join(', ')}`
            : 'the file holds no NIP',
        },
      ]);
    }
    const dto = plainToInstance(CreateAssignmentDto, {
      courseId: upload.fields.courseId,
      ...(upload.fields.deadline ? { deadline: upload.fields.deadline } : {}),
      nips,
    });
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationFailed(flattenValidationErrors(errors));
    return this.assignments.create(user, dto);
  }

  @Get()
  @Roles('unit_admin', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.assignments.list(scopeOf(user), query);
  }

  @Get(':id')
  @Roles('unit_admin', 'national_admin')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.assignments.get(scopeOf(user), id);
  }

  @Post(':id/run')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  rerun(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.assignments.rerun(scopeOf(user), id);
  }
}
