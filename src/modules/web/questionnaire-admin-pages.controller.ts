import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { FieldProblem, flattenValidationErrors, UuidParam, validationFailed } from '../../../libs/common';
import { CreateQuestionnaireDto } from '../development-plans/needs-signals/dto/questionnaire.dto';
import { EMPLOYEE_TYPES } from '../identity/domain/golongan';
import { QUESTIONNAIRE_KINDS } from '../development-plans/needs-signals/entities';
import { QuestionnairesService } from '../development-plans/needs-signals/questionnaires/questionnaires.service';
import { OrganisationApi } from '../organisation/organisation.api';
import { formatters } from './format';
import { formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const FIELDS = [
  'title',
  'kind',
  'dueDate',
  'maxChoices',
  'regionCode',
  'unitCode',
  'positionCode',
  'golongan',
  'employeeType',
];
type Problems = ReturnType<typeof formProblems> | null;

/** Unit admins send needs questionnaires to the ASN of their region and read the answers' summary. */
@ApiExcludeController()
@Controller('admin/kuesioner')
@UseFilters(PageExceptionFilter)
export class QuestionnaireAdminPagesController {
  constructor(
    private readonly questionnaires: QuestionnairesService,
    private readonly organisation: OrganisationApi,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('page') page?: string,
  ) {
    await this.listPage(user, req, reply, { kind: 'self-assessment', maxChoices: '3' }, null, 200, Number(page) || 1);
  }

  @Post()
  @Roles(...ADMINS)
  async create(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = Object.fromEntries(FIELDS.map((f) => [f, formText(body, f, f === 'title' ? 200 : 40)]));
    try {
      const dto = await this.checked(values);
      const created = await this.questionnaires.create(user, dto);
      await seeOther(reply, `/admin/kuesioner/${created.id}`);
    } catch (err) {
      await this.listPage(user, req, reply, values, formProblems(err), 422);
    }
  }

  /** Reloads itself every few seconds (no script) while the questionnaire is being sent. */
  @Get(':id')
  @Roles(...ADMINS)
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const q = await this.questionnaires.detail(scopeOf(user), id);
    const sending = q.status === 'queued' || q.status === 'running';
    await render(reply, 'needs-signals/questionnaire-admin.eta', {
      ...ctx,
      title: q.title,
      fmt: formatters(ctx.locale),
      q,
      refreshSeconds: sending ? 3 : null,
    });
  }

  @Post(':id/kirim-ulang')
  @Roles(...ADMINS)
  async resend(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.questionnaires.resend(scopeOf(user), id);
    await seeOther(reply, `/admin/kuesioner/${id}`);
  }

  /** Unit and position are typed by code (as printed in the admin's lists), then checked like the API's body. */
  private async checked(values: Record<string, string>): Promise<CreateQuestionnaireDto> {
    const problems: FieldProblem[] = [];
    const filter: Record<string, string> = {};
    for (const f of ['regionCode', 'golongan', 'employeeType']) if (values[f]) filter[f] = values[f];
    if (values.unitCode) {
      const [unit] = await this.organisation.unitsByCodes([values.unitCode]);
      if (unit) filter.unitId = unit.id;
      else problems.push({ field: 'unitCode', rule: 'exists', message: `${values.unitCode}: no unit with this code` });
    }
    if (values.positionCode) {
      const [position] = await this.organisation.positionsByCodes([values.positionCode]);
      if (position) filter.positionId = position.id;
      else
        problems.push({
          field: 'positionCode',
          rule: 'exists',
          message: `${values.positionCode}: no position with this code`,
        });
    }
    const dto = plainToInstance(CreateQuestionnaireDto, {
      title: values.title,
      kind: values.kind,
      ...(values.dueDate ? { dueDate: values.dueDate } : {}),
      ...(values.kind === 'training-needs' && values.maxChoices ? { maxChoices: values.maxChoices } : {}),
      filter,
    });
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    problems.push(...flattenValidationErrors(errors));
    if (problems.length) throw validationFailed(problems);
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
    const list = await this.questionnaires.list(scopeOf(user), {
      page: Math.max(1, Math.min(page, 100000)),
      pageSize: 20,
    });
    await render(
      reply,
      'needs-signals/questionnaires-admin.eta',
      {
        ...ctx,
        title: ctx.t('signals.q.admin.title'),
        fmt: formatters(ctx.locale),
        page: list,
        pageUrl: (n: number) => `/admin/kuesioner?page=${n}`,
        kinds: QUESTIONNAIRE_KINDS,
        employeeTypes: EMPLOYEE_TYPES,
        values,
        problems,
      },
      status,
    );
  }
}
