import { Body, Controller, Delete, Get, Inject, Param, ParseEnumPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { Clock, UuidParam } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { readUploadedFile } from '../../../../libs/content';
import { renderCertificatePdf } from '../document';
import { TemplateDesignDto } from '../dto/template.dto';
import { wibDay } from '../issuance/certificate-numbers';
import { sampleContent } from './sample-content';
import { MAX_TEMPLATE_IMAGE_BYTES, TemplateImage, TemplatesService } from './templates.service';

const IMAGES = ['background', 'logo'] as const;

/** A unit's certificate template: edit the draft, preview it as a PDF, publish it. */
@ApiTags('certification: templates')
@ApiBearerAuth()
@Controller('api/certification/units/:unitId/template')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('unit_admin', 'national_admin')
  get(@CurrentUser() user: AuthUser, @Param('unitId', UuidParam) unitId: string) {
    return this.templates.get(scopeOf(user), unitId);
  }

  @Put('draft')
  @Roles('unit_admin', 'national_admin')
  save(@CurrentUser() user: AuthUser, @Param('unitId', UuidParam) unitId: string, @Body() dto: TemplateDesignDto) {
    return this.templates.saveDraft(user, scopeOf(user), unitId, dto);
  }

  /** Multipart field "file": a PNG or JPEG of at most 2 MB. */
  @Post('draft/:image')
  @Roles('unit_admin', 'national_admin')
  @ApiConsumes('multipart/form-data')
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('unitId', UuidParam) unitId: string,
    @Param('image', new ParseEnumPipe(IMAGES)) image: TemplateImage,
    @Req() req: FastifyRequest,
  ) {
    const file = await readUploadedFile(req, { maxBytes: MAX_TEMPLATE_IMAGE_BYTES });
    return this.templates.setImage(user, scopeOf(user), unitId, image, file.content);
  }

  @Delete('draft/:image')
  @Roles('unit_admin', 'national_admin')
  remove(
    @CurrentUser() user: AuthUser,
    @Param('unitId', UuidParam) unitId: string,
    @Param('image', new ParseEnumPipe(IMAGES)) image: TemplateImage,
  ) {
    return this.templates.removeImage(user, scopeOf(user), unitId, image);
  }

  /** The draft (or the published version) printed with sample data. */
  @Get('preview')
  @Roles('unit_admin', 'national_admin')
  async preview(@CurrentUser() user: AuthUser, @Param('unitId', UuidParam) unitId: string, @Res() reply: FastifyReply) {
    const { design, unitName } = await this.templates.previewDesign(scopeOf(user), unitId);
    const sample = sampleContent(this.config.publicUrl, unitName, wibDay(this.clock.now()));
    const pdf = await renderCertificatePdf(sample, design);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="pratinjau-sertifikat.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  @Post('publish')
  @Roles('unit_admin', 'national_admin')
  publish(@CurrentUser() user: AuthUser, @Param('unitId', UuidParam) unitId: string) {
    return this.templates.publish(user, scopeOf(user), unitId);
  }
}
