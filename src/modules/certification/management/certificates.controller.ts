import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { UuidParam } from '../../../../libs/common';
import { contentDisposition, sendStoredFile } from '../../../../libs/content';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { LearningApi } from '../../learning/learning.api';
import { CourseCertificatesQuery, ReasonDto } from '../dto/certificate.dto';
import { CertificateExportsService } from '../exports/certificate-exports.service';
import { certificateFileName } from './certificate.view';
import { CertificatesService } from './certificates.service';

/** Certificates for their holders (download PDF and credential) and for admins in scope. */
@ApiTags('certification')
@ApiBearerAuth()
@Controller('api/certification')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly exports: CertificateExportsService,
    private readonly learning: LearningApi,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The learner's certificates, and those from elsewhere linked from their external activities. */
  @Get('me/certificates')
  @Authenticated()
  async mine(@CurrentUser() user: AuthUser) {
    const [certificates, external] = await Promise.all([
      this.certificates.mine(user.id),
      this.learning.externalCertificates(user.id),
    ]);
    return {
      certificates,
      external: external.map((e) => ({
        ...e,
        evidencePath: `/api/learning/external-activities/${e.activityId}/evidence`,
      })),
    };
  }

  @Get('certificates/:id')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.certificates.get(scopeOf(user), id);
  }

  @Get('certificates/:id/pdf')
  @Authenticated()
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const c = await this.certificates.visible(scopeOf(user), id);
    await sendStoredFile(reply, req, this.storage, {
      key: c.pdfKey,
      mime: 'application/pdf',
      fileName: certificateFileName(c),
      disposition: 'attachment',
    });
  }

  /** The signed Open Badges 3.0 credential (W3C VC 2.0), exactly as issued. */
  @Get('certificates/:id/credential')
  @Authenticated()
  async credential(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Res() reply: FastifyReply) {
    const c = await this.certificates.visible(scopeOf(user), id);
    const name = certificateFileName(c).replace(/\.pdf$/, '.json');
    await reply
      .header('content-type', 'application/vc+ld+json; charset=utf-8')
      .header('content-disposition', contentDisposition('attachment', name))
      .send(c.credentialJson);
  }

  @Get('courses/:courseId/certificates')
  @Roles('unit_admin', 'national_admin')
  forCourse(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Query() query: CourseCertificatesQuery,
  ) {
    return this.certificates.forCourse(scopeOf(user), courseId, query);
  }

  @Post('certificates/:id/revocation')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(200)
  revoke(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: ReasonDto) {
    return this.certificates.revoke(user, scopeOf(user), id, dto.reason);
  }

  @Post('certificates/:id/reissue')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(201)
  reissue(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: ReasonDto) {
    return this.certificates.reissue(user, scopeOf(user), id, dto.reason);
  }

  @Post('courses/:courseId/certificate-exports')
  @Roles('unit_admin', 'national_admin')
  @HttpCode(202)
  requestExport(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.exports.request(user, scopeOf(user), courseId);
  }

  @Get('certificate-exports/:id')
  @Roles('unit_admin', 'national_admin')
  exportStatus(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.exports.get(user, id);
  }

  @Get('certificate-exports/:id/file')
  @Roles('unit_admin', 'national_admin')
  async exportFile(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.exports.file(user, id);
    await sendStoredFile(reply, req, this.storage, { ...file, mime: 'application/zip', disposition: 'attachment' });
  }
}
