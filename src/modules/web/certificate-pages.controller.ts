import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { CertificatesService } from '../certification/management/certificates.service';
import { LearningApi } from '../learning/learning.api';
import { formatters } from './format';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/**
 * The holder's certificates, and the evidence of learning done elsewhere beside them.
 * Always the caller's own (an admin reads others' through the admin pages), and
 * downloads link to the API routes, which accept the page session.
 */
@ApiExcludeController()
@Controller('sertifikat')
@UseFilters(PageExceptionFilter)
export class CertificatePagesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly learning: LearningApi,
  ) {}

  @Get()
  @Authenticated()
  async list(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const [certificates, external] = await Promise.all([
      this.certificates.mine(user.id),
      this.learning.externalCertificates(user.id),
    ]);
    await render(reply, 'certificates/mine.eta', {
      ...ctx,
      title: ctx.t('certs.title'),
      fmt: formatters(ctx.locale),
      certificates,
      external,
    });
  }

  @Get(':id')
  @Authenticated()
  async detail(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const certificate = await this.certificates.get({ kind: 'own', userId: user.id }, id);
    await render(reply, 'certificates/detail.eta', {
      ...ctx,
      title: certificate.courseTitle,
      fmt: formatters(ctx.locale),
      c: certificate,
    });
  }
}
