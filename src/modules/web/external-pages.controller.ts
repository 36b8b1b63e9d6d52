import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { flattenValidationErrors, validationFailed } from '../../../libs/common';
import { readUploadedFile, UploadRefusedException } from '../../../libs/content';
import { CompetenciesApi } from '../competencies/competencies.api';
import { DevelopmentFormsService } from '../learning/development-forms.service';
import { ExternalActivityDto } from '../learning/dto/external-activity.dto';
import { EVIDENCE_MAX_BYTES, ExternalActivitiesService } from '../learning/external/external-activities.service';
import { formatters } from './format';
import { doneFlag, formProblems, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/** A learner records development done outside the platform, with its evidence. */
@ApiExcludeController()
@Controller('kegiatan-luar')
@UseFilters(PageExceptionFilter)
export class ExternalPagesController {
  constructor(
    private readonly activities: ExternalActivitiesService,
    private readonly forms: DevelopmentFormsService,
    private readonly competencies: CompetenciesApi,
  ) {}

  @Get()
  @Authenticated()
  async show(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.page(user, req, reply, {}, null);
  }

  /** Multipart (the evidence file); the CSRF token travels in the action URL. */
  @Post()
  @Authenticated()
  async record(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    let values: Record<string, string> = {};
    try {
      const upload = await readUploadedFile(req, { maxBytes: EVIDENCE_MAX_BYTES });
      values = upload.fields;
      const given = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== '' && k !== '_csrf'));
      const dto = plainToInstance(ExternalActivityDto, given);
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.activities.record(user, dto, upload);
      await seeOther(reply, '/kegiatan-luar?ok=submitted');
    } catch (err) {
      const problems = formProblems(err);
      // A refused file (too large, empty) still gives back every field the learner typed.
      if (err instanceof UploadRefusedException) values = err.formFields;
      await this.page(user, req, reply, values, problems, 422);
    }
  }

  private async page(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: ReturnType<typeof formProblems> | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const [forms, competencies, mine] = await Promise.all([
      this.forms.list(),
      this.competencies.offered([values.competencyCode]),
      this.activities.mine(user.id, { page: 1, pageSize: 50 }),
    ]);
    await render(
      reply,
      'learner/external.eta',
      {
        ...ctx,
        title: ctx.t('external.title'),
        fmt: formatters(ctx.locale),
        forms: forms.filter((f) => f.active),
        competencies,
        mine: mine.items,
        values,
        problems,
        notice: doneFlag(req) === 'submitted' ? ctx.t('external.submitted') : null,
      },
      status,
    );
  }
}
