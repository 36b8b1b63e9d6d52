import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { Clock, DomainException, localeOf, UuidParam } from '../../../libs/common';
import { wibDay } from '../development-plans/mentoring/domain/session-rules';
import { DisputeSessionDto, LogSessionDto } from '../development-plans/mentoring/dto/mentoring.dto';
import { MentoringPairingsService } from '../development-plans/mentoring/mentoring-pairings.service';
import { MentoringSessionsService } from '../development-plans/mentoring/mentoring-sessions.service';
import { MentoringError } from '../development-plans/mentoring/mentoring.errors';
import { formatters } from './format';
import { MessageKey, translator } from './i18n/messages';
import { formValues, validated } from './mentoring-page-forms';
import { doneFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const NOTICES = {
  logged: 'mentoring.logged',
  confirmed: 'mentoring.confirmed',
  disputed: 'mentoring.disputed',
} as const;
const SESSION_FIELDS = { heldOn: 10, topic: 200, minutes: 4, notes: 2000 };
/** The refusals a person meets on these pages, in their language (the API keeps English). */
const CODE_TEXTS: Record<string, MessageKey> = {
  [MentoringError.MENTORING_OWN_SESSION.code]: 'mentoring.error.ownSession',
  [MentoringError.MENTORING_SESSION_ANSWERED.code]: 'mentoring.error.answered',
  [MentoringError.MENTORING_TOO_MANY_PENDING.code]: 'mentoring.error.tooManyPending',
  [MentoringError.MENTORING_PAIRING_CLOSED.code]: 'mentoring.error.closed',
};
const RULE_TEXTS: Record<string, MessageKey> = {
  future: 'mentoring.error.future',
  before_pairing: 'mentoring.error.before_pairing',
  invalid: 'mentoring.error.invalid',
  day_limit: 'mentoring.error.day_limit',
};

/** "Mentoring saya": a person's pairings as mentor or mentee; log, confirm and dispute sessions. */
@ApiExcludeController()
@Controller('mentoring')
@UseFilters(PageExceptionFilter)
export class MentoringPagesController {
  constructor(
    private readonly pairings: MentoringPairingsService,
    private readonly sessions: MentoringSessionsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Authenticated()
  async mine(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    await render(reply, 'mentoring/mine.eta', {
      ...ctx,
      title: ctx.t('mentoring.title'),
      fmt: formatters(ctx.locale),
      pairings: await this.pairings.mine(user.id),
    });
  }

  @Get(':id')
  @Authenticated()
  async pairing(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.detail(user, id, req, reply, {}, null);
  }

  @Post(':id/sesi')
  @Authenticated()
  async log(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = formValues(body, SESSION_FIELDS);
    try {
      await this.sessions.log(user, id, await validated(LogSessionDto, values));
      await seeOther(reply, `/mentoring/${id}?ok=logged`);
    } catch (err) {
      await this.detail(user, id, req, reply, values, problemsOf(err, req), 422);
    }
  }

  @Post('sesi/:sessionId/konfirmasi')
  @Authenticated()
  async confirm(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', UuidParam) sessionId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.answer(user, body, req, reply, 'confirmed', () => this.sessions.confirm(user, sessionId));
  }

  @Post('sesi/:sessionId/sanggah')
  @Authenticated()
  async dispute(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', UuidParam) sessionId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.answer(user, body, req, reply, 'disputed', async () => {
      const dto = await validated(DisputeSessionDto, { reason: formText(body, 'reason', 600) });
      return this.sessions.dispute(user, sessionId, dto.reason);
    });
  }

  /** Confirm or dispute, then back to the pairing; a refusal shows on the pairing's page. */
  private async answer(
    user: AuthUser,
    body: unknown,
    req: FastifyRequest,
    reply: FastifyReply,
    flag: keyof typeof NOTICES,
    act: () => Promise<{ pairingId: string }>,
  ) {
    const pairingId = formText(body, 'pairingId', 36);
    try {
      const session = await act();
      await seeOther(reply, `/mentoring/${session.pairingId}?ok=${flag}`);
    } catch (err) {
      const problems = problemsOf(err, req);
      if (!/^[0-9a-f-]{36}$/.test(pairingId)) throw err;
      await this.detail(user, pairingId, req, reply, {}, problems, 422);
    }
  }

  private async detail(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: ReturnType<typeof formProblems> | null,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const pairing = await this.pairings.detail(user, id);
    const flag = doneFlag(req);
    await render(
      reply,
      'mentoring/pairing.eta',
      {
        ...ctx,
        title: `${pairing.competency.code} ${pairing.competency.name}`,
        fmt: formatters(ctx.locale),
        p: pairing,
        party: pairing.mentor.id === user.id || pairing.mentee.id === user.id,
        today: wibDay(this.clock.now()),
        values,
        problems,
        notice: flag && flag in NOTICES ? ctx.t(NOTICES[flag as keyof typeof NOTICES]) : null,
        back: '/mentoring',
      },
      status,
    );
  }
}

/** A form's problems with the mentoring refusals said in the page's language. */
function problemsOf(err: unknown, req: FastifyRequest): ReturnType<typeof formProblems> {
  const problems = formProblems(err);
  const t = translator(localeOf(req.cookies));
  const code = err instanceof DomainException ? CODE_TEXTS[err.code] : undefined;
  if (code) problems.message = t(code);
  problems.fields = problems.fields.map((f) => (RULE_TEXTS[f.rule] ? { ...f, message: t(RULE_TEXTS[f.rule]) } : f));
  return problems;
}
