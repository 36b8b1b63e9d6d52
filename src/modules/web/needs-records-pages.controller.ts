import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { flattenValidationErrors, UuidParam, validationFailed } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { AssessmentQuery, RecordAssessmentDto } from '../development-plans/needs/dto/assessment.dto';
import { ASSESSMENT_SOURCES } from '../development-plans/needs/entities';
import { AssessmentsService } from '../development-plans/needs/records/assessments.service';
import { SKP_FILE_MAX_BYTES } from '../development-plans/needs/records/needs-records.controller';
import { SkpRatingsService } from '../development-plans/needs/records/skp-ratings.service';
import { CompetenciesApi } from '../competencies/competencies.api';
import { formatters } from './format';
import { doneFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const BASE = '/admin/analisis-kebutuhan';
const PAGE_SIZE = 20;
type Problems = { message: string; fields: Array<{ field: string; message: string }> } | null;

/** Assessment-centre and supervisor ratings, and the SKP import, for the unit admin. */
@ApiExcludeController()
@Controller('admin/analisis-kebutuhan')
@UseFilters(PageExceptionFilter)
export class NeedsRecordsPagesController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly skp: SkpRatingsService,
    private readonly competencies: CompetenciesApi,
  ) {}

  @Get('asesmen')
  @Roles(...ADMINS)
  async assessmentList(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.assessmentPage(user, req, reply, {}, null);
  }

  @Post('asesmen')
  @Roles(...ADMINS)
  async record(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = {
      nip: formText(body, 'nip', 30),
      competencyCode: formText(body, 'competencyCode', 20),
      level: formText(body, 'level', 2),
      assessedOn: formText(body, 'assessedOn', 10),
      source: formText(body, 'source', 20),
      note: formText(body, 'note', 500),
    };
    try {
      const dto = plainToInstance(RecordAssessmentDto, { ...values, note: values.note || undefined });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.assessments.record(user, scopeOf(user), dto);
      await seeOther(reply, `${BASE}/asesmen?ok=saved`);
    } catch (err) {
      await this.assessmentPage(user, req, reply, values, formProblems(err), 422);
    }
  }

  @Post('asesmen/:id/hapus')
  @Roles(...ADMINS)
  async remove(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    await this.assessments.remove(scopeOf(user), id);
    await seeOther(reply, `${BASE}/asesmen?ok=removed`);
  }

  @Get('skp')
  @Roles(...ADMINS)
  async skpPage(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.skpList(user, req, reply, null, null);
  }

  /** Multipart (the CSRF token rides in the query string, as for every upload form). */
  @Post('skp')
  @Roles(...ADMINS)
  async skpImport(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    try {
      const { content } = await readUploadedFile(req, { maxBytes: SKP_FILE_MAX_BYTES });
      const result = await this.skp.import(user, scopeOf(user), content);
      await this.skpList(user, req, reply, null, result);
    } catch (err) {
      await this.skpList(user, req, reply, formProblems(err), null, 422);
    }
  }

  private async assessmentPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problems,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const query = req.query as Record<string, unknown>;
    const q = plainToInstance(AssessmentQuery, { page: pageOf(query.page), pageSize: PAGE_SIZE });
    const nip = typeof query.nip === 'string' && /^[\d ]{18,24}$/.test(query.nip) ? query.nip : '';
    if (nip) q.nip = nip;
    const [page, competencies] = await Promise.all([
      this.assessments
        .list(scopeOf(user), q)
        .catch(() => ({ items: [], page: 1, pageSize: PAGE_SIZE, total: 0, totalPages: 0 })),
      this.competencies.offered([values.competencyCode]),
    ]);
    const flag = doneFlag(req);
    await render(
      reply,
      'needs/assessments.eta',
      {
        ...ctx,
        title: ctx.t('needs.assess.title'),
        fmt: formatters(ctx.locale),
        page,
        pageUrl: (n: number) => `${BASE}/asesmen?page=${n}${nip ? `&nip=${encodeURIComponent(nip)}` : ''}`,
        filterNip: nip,
        competencies,
        sources: ASSESSMENT_SOURCES,
        values,
        problems,
        notice:
          flag === 'saved' ? ctx.t('needs.assess.saved') : flag === 'removed' ? ctx.t('needs.assess.removed') : null,
      },
      status,
    );
  }

  private async skpList(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: Problems,
    result: { imported: number; replaced: number } | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const query = req.query as Record<string, unknown>;
    const year = Number(query.year);
    const validYear = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
    const page = await this.skp.list(scopeOf(user), { year: validYear, page: pageOf(query.page), pageSize: PAGE_SIZE });
    await render(
      reply,
      'needs/skp.eta',
      {
        ...ctx,
        title: ctx.t('needs.skpImport.title'),
        fmt: formatters(ctx.locale),
        page,
        pageUrl: (n: number) => `${BASE}/skp?page=${n}${validYear ? `&year=${validYear}` : ''}`,
        problems,
        notice: result ? ctx.t('needs.skpImport.done', { imported: result.imported, replaced: result.replaced }) : null,
      },
      status,
    );
  }
}

function pageOf(value: unknown): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 && n <= 100000 ? n : 1;
}
