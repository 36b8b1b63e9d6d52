import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { DomainException, UuidParam } from '../../../libs/common';
import { NeedsError } from '../development-plans/needs/needs.errors';
import { PeopleInScope } from '../development-plans/needs/records/people-in-scope';
import { TargetPositionsService } from '../development-plans/needs/records/target-positions.service';
import { IdentityApi, PersonFacts } from '../identity/identity.api';
import { OrganisationApi } from '../organisation/organisation.api';
import { formatters } from './format';
import { doneFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { gapPageData } from './needs-page-data';
import { GapService } from '../development-plans/needs/gap.service';

const ADMINS = ['unit_admin', 'national_admin'] as const;
const NOTICES = { 'target-saved': 'needs.target.saved', 'target-cleared': 'needs.target.cleared' } as const;
type Problems = { message: string; fields: Array<{ field: string; message: string }> } | null;

/** A unit admin looks up one ASN of their region: their gap table, and sets a target position. */
@ApiExcludeController()
@Controller('admin/analisis-kebutuhan/asn')
@UseFilters(PageExceptionFilter)
export class NeedsPersonPagesController {
  constructor(
    private readonly people: PeopleInScope,
    private readonly identity: IdentityApi,
    private readonly gapService: GapService,
    private readonly targets: TargetPositionsService,
    private readonly organisation: OrganisationApi,
  ) {}

  @Get()
  @Roles(...ADMINS)
  async find(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const nip = (req.query as Record<string, unknown>).nip;
    const typed = typeof nip === 'string' ? nip.trim().slice(0, 24) : '';
    let person: PersonFacts | null = null;
    if (/^[\d ]{18,24}$/.test(typed)) person = await this.people.byNip(scopeOf(user), typed).catch(() => null);
    await this.page(user, req, reply, typed, person, null, '', typed !== '' && !person ? 404 : 200);
  }

  /** Sets the target position by code; an empty code removes it. */
  @Post(':userId/jabatan-tujuan')
  @Roles(...ADMINS)
  async setTarget(
    @CurrentUser() user: AuthUser,
    @Param('userId', UuidParam) userId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const scope = scopeOf(user);
    const person = await this.people.byId(scope, userId);
    const code = formText(body, 'positionCode', 40);
    const back = `/admin/analisis-kebutuhan/asn?nip=${person.nip}`;
    try {
      if (!code) {
        await this.targets.clear(scope, userId);
        return seeOther(reply, `${back}&ok=target-cleared`);
      }
      const [position] = await this.organisation.positionsByCodes([code]);
      if (!position) throw new DomainException(NeedsError.NEEDS_POSITION_NOT_FOUND, 'No such position');
      await this.targets.set(user, scope, userId, position.id);
      await seeOther(reply, `${back}&ok=target-saved`);
    } catch (err) {
      const ctx = pageContext(req, reply, user);
      const problems = formProblems(err);
      if (err instanceof DomainException && err.code === NeedsError.NEEDS_POSITION_NOT_FOUND.code) {
        problems.message = ctx.t('needs.target.unknown');
        problems.fields = [];
      }
      await this.page(user, req, reply, person.nip, person, problems, code, 422);
    }
  }

  private async page(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    nip: string,
    person: PersonFacts | null,
    problems: Problems,
    code: string,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const flag = doneFlag(req) as keyof typeof NOTICES | null;
    const name = person ? (await this.identity.namesOf([person.id])).get(person.id) : undefined;
    await render(
      reply,
      'needs/person.eta',
      {
        ...ctx,
        title: ctx.t('needs.person.title'),
        fmt: formatters(ctx.locale),
        nip,
        notFound: nip !== '' && !person,
        person: person ? { id: person.id, name: name?.name ?? '', nip: name?.nip ?? '' } : null,
        ...(person ? await gapPageData(this.sources(), person.id, ctx.t) : {}),
        problems,
        code,
        notice: flag && flag in NOTICES ? ctx.t(NOTICES[flag]) : null,
      },
      status,
    );
  }

  private sources() {
    return { gapService: this.gapService, targets: this.targets, organisation: this.organisation };
  }
}
