import { Body, Controller, Get, Param, ParseEnumPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { CommonError, DomainException, localeOf, UuidParam } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { PLACEHOLDERS } from '../certification/document';
import { defaultStoredDesign } from '../certification/templates/stored-design';
import {
  MAX_TEMPLATE_IMAGE_BYTES,
  TemplateImage,
  TemplatesService,
} from '../certification/templates/templates.service';
import { TemplateView } from '../certification/templates/template.view';
import { IdentityApi } from '../identity/identity.api';
import { OrganisationApi } from '../organisation/organisation.api';
import { FormError, formError } from './certificate-form-errors';
import {
  checkedDesign,
  designFromForm,
  FormDesign,
  formDesignOf,
  localiseTemplateProblem,
} from './certificate-template-form';
import { formatters } from './format';
import { translator } from './i18n/messages';
import { doneFlag, seeOther } from './page-actions';
import { PageContext, pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const IMAGES = ['background', 'logo'] as const;
const NOTICES = {
  saved: 'tpl.saved',
  image: 'tpl.imageSaved',
  removed: 'tpl.imageRemoved',
  published: 'tpl.published',
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A unit's certificate template: edit the draft, add its images, preview it as a PDF,
 * publish it. A unit admin works on their own unit unless they name another in their
 * region (`?unit=`, an id or a unit code); a national admin names one.
 */
@ApiExcludeController()
@Controller('admin/templat-sertifikat')
@UseFilters(PageExceptionFilter)
export class CertificateTemplatePagesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async show(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('unit') unit?: string,
  ) {
    const unitId = await this.unitOf(user, unit);
    if (unitId && unit && unit !== unitId) return seeOther(reply, `/admin/templat-sertifikat?unit=${unitId}`);
    if (!unitId) {
      const ctx = pageContext(req, reply, user);
      return render(reply, 'certificates/admin-template.eta', { ...ctx, title: ctx.t('tpl.title'), unit: null });
    }
    await this.page(user, req, reply, unitId, null, null);
  }

  @Post('draf')
  @Roles(...ADMINS)
  async save(
    @CurrentUser() user: AuthUser,
    @Query('unit', UuidParam) unitId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const form = designFromForm(body);
    try {
      await this.templates.saveDraft(user, scopeOf(user), unitId, await checkedDesign(form));
      await seeOther(reply, `/admin/templat-sertifikat?unit=${unitId}&ok=saved`);
    } catch (err) {
      const t = translator(localeOf(req.cookies));
      const problem = formError(err, (p) => localiseTemplateProblem(p, t));
      await this.page(user, req, reply, unitId, form.values, remapped(problem, form.fieldOf));
    }
  }

  /** Multipart (the image); the CSRF token travels in the action URL. */
  @Post('gambar/:image')
  @Roles(...ADMINS)
  async upload(
    @CurrentUser() user: AuthUser,
    @Query('unit', UuidParam) unitId: string,
    @Param('image', new ParseEnumPipe(IMAGES)) image: TemplateImage,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    try {
      const file = await readUploadedFile(req, { maxBytes: MAX_TEMPLATE_IMAGE_BYTES });
      await this.templates.setImage(user, scopeOf(user), unitId, image, file.content);
      await seeOther(reply, `/admin/templat-sertifikat?unit=${unitId}&ok=image`);
    } catch (err) {
      const t = translator(localeOf(req.cookies));
      const problem = formError(err, (p) => localiseTemplateProblem(p, t));
      await this.page(
        user,
        req,
        reply,
        unitId,
        null,
        remapped(problem, () => image),
      );
    }
  }

  @Post('gambar/:image/hapus')
  @Roles(...ADMINS)
  async removeImage(
    @CurrentUser() user: AuthUser,
    @Query('unit', UuidParam) unitId: string,
    @Param('image', new ParseEnumPipe(IMAGES)) image: TemplateImage,
    @Res() reply: FastifyReply,
  ) {
    await this.templates.removeImage(user, scopeOf(user), unitId, image);
    await seeOther(reply, `/admin/templat-sertifikat?unit=${unitId}&ok=removed`);
  }

  @Post('terbitkan')
  @Roles(...ADMINS)
  async publish(@CurrentUser() user: AuthUser, @Query('unit', UuidParam) unitId: string, @Res() reply: FastifyReply) {
    await this.templates.publish(user, scopeOf(user), unitId);
    await seeOther(reply, `/admin/templat-sertifikat?unit=${unitId}&ok=published`);
  }

  private async page(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    unitId: string,
    values: FormDesign | null,
    problem: FormError | null,
  ) {
    const ctx = pageContext(req, reply, user);
    const template: TemplateView = await this.templates.get(scopeOf(user), unitId);
    const [unit] = await this.organisation.unitsByIds([unitId]);
    const current = template.draft ?? template.published;
    await render(
      reply,
      'certificates/admin-template.eta',
      {
        ...ctx,
        title: ctx.t('tpl.title'),
        fmt: formatters(ctx.locale),
        unit,
        template,
        current,
        design: values ?? formDesignOf(current?.design ?? defaultStoredDesign()),
        placeholders: PLACEHOLDERS.map((p) => `{${p}}`).join(' '),
        query: `?unit=${unitId}`,
        problem,
        notice: this.notice(ctx, req),
      },
      problem?.statusCode ?? 200,
    );
  }

  /** The unit named in the address (id or code), else the admin's own; null when neither. */
  private async unitOf(user: AuthUser, given: string | undefined): Promise<string | null> {
    const wanted = given?.trim().slice(0, 40);
    if (wanted) {
      const [unit] = UUID.test(wanted)
        ? await this.organisation.unitsByIds([wanted])
        : await this.organisation.unitsByCodes([wanted.toUpperCase()]);
      if (!unit) throw new DomainException(CommonError.NOT_FOUND, 'No such unit');
      return unit.id;
    }
    const me = await this.identity.getUser({ kind: 'own', userId: user.id }, user.id);
    return me.unitId ?? null;
  }

  private notice(ctx: PageContext, req: FastifyRequest): string | null {
    const flag = doneFlag(req) as keyof typeof NOTICES | null;
    return flag && flag in NOTICES ? ctx.t(NOTICES[flag]) : null;
  }
}

/** Service field names ("blocks.0", "file") become the names of the form's inputs. */
function remapped(problem: FormError, fieldOf: (field: string) => string): FormError {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(problem.fields)) fields[fieldOf(field)] ??= message;
  return { ...problem, fields };
}
