import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../../libs/auth';
import { UuidParam } from '../../../../libs/common';
import { CreatePairingDto, DisputeSessionDto, EndPairingDto, LogSessionDto, PairingsQuery } from './dto/mentoring.dto';
import { MentoringPairingsService } from './mentoring-pairings.service';
import { MentoringSessionsService } from './mentoring-sessions.service';

const ADMINS = ['unit_admin', 'national_admin'] as const;

/** Mentoring: admins pair mentors with mentees; the two sides log and answer sessions. */
@ApiTags('development-plans')
@ApiBearerAuth()
@Controller('api/mentoring')
export class MentoringController {
  constructor(
    private readonly pairings: MentoringPairingsService,
    private readonly sessions: MentoringSessionsService,
  ) {}

  @Post('pairings')
  @Roles(...ADMINS)
  @HttpCode(201)
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreatePairingDto) {
    return { pairings: await this.pairings.create(user, scopeOf(user), dto) };
  }

  @Get('pairings')
  @Roles(...ADMINS)
  list(@CurrentUser() user: AuthUser, @Query() query: PairingsQuery) {
    return this.pairings.regionPage(scopeOf(user), query);
  }

  @Get('me/pairings')
  @Authenticated()
  async mine(@CurrentUser() user: AuthUser) {
    return { pairings: await this.pairings.mine(user.id) };
  }

  @Get('pairings/:id')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.pairings.detail(user, id);
  }

  @Post('pairings/:id/end')
  @Roles(...ADMINS)
  @HttpCode(200)
  end(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: EndPairingDto) {
    return this.pairings.end(user, scopeOf(user), id, dto);
  }

  @Post('pairings/:id/sessions')
  @Authenticated()
  @HttpCode(201)
  log(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: LogSessionDto) {
    return this.sessions.log(user, id, dto);
  }

  @Post('sessions/:id/confirmation')
  @Authenticated()
  @HttpCode(200)
  confirm(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.sessions.confirm(user, id);
  }

  @Post('sessions/:id/dispute')
  @Authenticated()
  @HttpCode(200)
  dispute(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: DisputeSessionDto) {
    return this.sessions.dispute(user, id, dto.reason);
  }
}
