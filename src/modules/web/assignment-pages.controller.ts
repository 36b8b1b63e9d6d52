import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { flattenValidationErrors, UuidParam, validationFailed } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { CatalogApi } from '../catalog/catalog.api';
import { EMPLOYEE_TYPES } from '../identity/domain/golongan';
import { AssignmentsService } from '../learning/assignments/assignments.service';
import { nipsFromCsv } from '../learning/assignments/nip-list';
import { CreateAssignmentDto } from '../learning/dto/assignment.dto';
import { LearnerCatalogueService } from '../learning/enrolment/learner-catalogue.service';
import { formatters } from './format';
import { formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { coursePicker } from './course-picker';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const CSV_MAX_BYTES = 2 * 1024 * 1024;
const FILTER_FIELDS = ['regionCode', 'unitId', 'positionId', 'golongan', 'employeeType'] as const;
type Problems = ReturnType<typeof formProblems> | null;

/** Unit admins assign courses to the ASN of their region and follow the queued runs. */
@ApiExcludeController()
@Controller('admin/penugasan')
@UseFilters(PageExceptionFilter)
export class AssignmentPagesController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly catalogue: LearnerCatalogueService,
    private readonly catalog: CatalogApi,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('page') page?: string,
  ) {
    await this.listPage(user, req, reply, { regionCode: user.scopeRegionCode ?? '' }, null, 200, Number(page) || 1);
  }

  @Post()
  @Roles(...ADMINS)
  async assign(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values: Record<string, string> = Object.fromEntries(
      ['courseId', 'deadline', 'cari', ...FILTER_FIELDS].map((f) => [f, formText(body, f, f === 'cari' ? 100 : 40)]),
    );
    try {
      const filter = Object.fromEntries(FILTER_FIELDS.filter((f) => values[f]).map((f) => [f, values[f]]));
      const dto = await this.checked({ courseId: values.courseId, deadline: values.deadline || undefined, filter });
      const created = await this.assignments.create(user, dto);
      await seeOther(reply, `/admin/penugasan/${created.id}`);
    } catch (err) {
      await this.listPage(user, req, reply, values, formProblems(err), 422);
    }
  }

  /** Multipart (the CSV); the CSRF token travels in the action URL. */
  @Post('csv')
  @Roles(...ADMINS)
  async assignCsv(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    let values: Record<string, string> = {};
    try {
      const upload = await readUploadedFile(req, { maxBytes: CSV_MAX_BYTES });
      values = upload.fields;
      const { nips, unreadableLines } = nipsFromCsv(upload.content.toString('utf8'));
      if (unreadableLines.length || nips.length === 0) {
        const where = unreadableLines.slice(0, 20).join(', ');
        throw validationFailed([
          {
            field: 'file',
            rule: 'nip_list',
            message: nips.length ? `lines without an 18-digit NIP: ${where}` : 'the file holds no NIP',
          },
        ]);
      }
      const dto = await this.checked({ courseId: values.courseId, deadline: values.deadline || undefined, nips });
      const created = await this.assignments.create(user, dto);
      await seeOther(reply, `/admin/penugasan/${created.id}`);
    } catch (err) {
      await this.listPage(user, req, reply, values, formProblems(err), 422);
    }
  }

  @Get(':id')
  @Roles(...ADMINS)
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const assignment = await this.assignments.get(scopeOf(user), id);
    const titles = await this.catalog.courseTitles([assignment.courseId]);
    await render(reply, 'admin/assignment.eta', {
      ...ctx,
      title: ctx.t('admin.assign.detail', { course: titles.get(assignment.courseId) ?? '' }),
      fmt: formatters(ctx.locale),
      assignment,
    });
  }

  @Post(':id/jalankan')
  @Roles(...ADMINS)
  async rerun(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.assignments.rerun(scopeOf(user), id);
    await seeOther(reply, `/admin/penugasan/${id}`);
  }

  /** The same rules as the API: a page never accepts what the API would refuse. */
  private async checked(plain: object): Promise<CreateAssignmentDto> {
    const dto = plainToInstance(CreateAssignmentDto, plain);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationFailed(flattenValidationErrors(errors));
    return dto;
  }

  private async listPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problems,
    status = 200,
    page = 1,
  ) {
    const ctx = pageContext(req, reply, user);
    const [picker, assignments] = await Promise.all([
      coursePicker(this.catalogue, user, values.cari ?? (req.query as Record<string, unknown>).cari),
      this.assignments.list(scopeOf(user), { page: Math.max(1, Math.min(page, 100000)), pageSize: 20 }),
    ]);
    const titles = new Map(picker.courses.map((c) => [c.id, c.title]));
    const missing = assignments.items.map((a) => a.courseId).filter((id) => !titles.has(id));
    for (const [id, title] of await this.catalog.courseTitles(missing)) titles.set(id, title);
    await render(
      reply,
      'admin/assignments.eta',
      {
        ...ctx,
        title: ctx.t('admin.assign.title'),
        fmt: formatters(ctx.locale),
        courses: picker.courses,
        picker,
        action: '/admin/penugasan',
        titles,
        page: assignments,
        pageUrl: (n: number) =>
          `/admin/penugasan?page=${n}${picker.search ? `&cari=${encodeURIComponent(picker.search)}` : ''}`,
        employeeTypes: EMPLOYEE_TYPES,
        values,
        problems,
      },
      status,
    );
  }
}
