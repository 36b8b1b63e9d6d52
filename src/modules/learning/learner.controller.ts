import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { Clock, UuidParam } from '../../../libs/common';
import { sendStoredFile } from '../../../libs/content';
import { FILE_STORAGE, FileStorage } from '../../../libs/storage';
import { CatalogueQuery } from '../catalog/catalog.api';
import { LedgerQuery, MyEnrolmentsQuery, VideoPositionDto } from './dto/learner.dto';
import { EnrolmentsService } from './enrolment/enrolments.service';
import { LearnerCatalogueService } from './enrolment/learner-catalogue.service';
import { LearnerCoursesService } from './enrolment/learner-courses.service';
import { LearnerHomeService } from './ledger/learner-home.service';
import { LedgerService } from './ledger/ledger.service';

/** The learner's side: catalogue, enrolment, lessons, progress, the JP ledger and the home summary. */
@ApiTags('learning: learner')
@ApiBearerAuth()
@Controller('api/learning')
export class LearnerController {
  constructor(
    private readonly catalogue: LearnerCatalogueService,
    private readonly enrolments: EnrolmentsService,
    private readonly courses: LearnerCoursesService,
    private readonly ledgers: LedgerService,
    private readonly homes: LearnerHomeService,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Get('catalogue')
  @Authenticated()
  search(@CurrentUser() user: AuthUser, @Query() query: CatalogueQuery) {
    return this.catalogue.search(user, query);
  }

  @Get('courses/:courseId')
  @Authenticated()
  course(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.courses.page(user, courseId);
  }

  @Post('courses/:courseId/enrolment')
  @Authenticated()
  @HttpCode(200)
  enrol(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.enrolments.enrol(user, courseId);
  }

  @Get('courses/:courseId/lessons/:lessonId')
  @Authenticated()
  lesson(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('lessonId', UuidParam) lessonId: string,
  ) {
    return this.courses.open(user, courseId, lessonId);
  }

  @Put('courses/:courseId/lessons/:lessonId/position')
  @Authenticated()
  position(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Body() dto: VideoPositionDto,
  ) {
    return this.courses.savePosition(user, courseId, lessonId, dto.seconds);
  }

  @Post('courses/:courseId/lessons/:lessonId/completion')
  @Authenticated()
  @HttpCode(200)
  complete(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('lessonId', UuidParam) lessonId: string,
  ) {
    return this.courses.complete(user, courseId, lessonId);
  }

  @Get('courses/:courseId/lessons/:lessonId/media')
  @Authenticated()
  async media(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.courses.media(user, courseId, lessonId);
    const inline = file.mime.startsWith('video/') || file.mime === 'application/pdf';
    await sendStoredFile(reply, req, this.storage, { ...file, disposition: inline ? 'inline' : 'attachment' });
  }

  @Get('enrolments')
  @Authenticated()
  mine(@CurrentUser() user: AuthUser, @Query() query: MyEnrolmentsQuery) {
    return this.enrolments.mine(user.id, query);
  }

  @Get('ledger')
  @Authenticated()
  ledger(@CurrentUser() user: AuthUser, @Query() query: LedgerQuery) {
    return this.ledgers.ledger(user, query.year);
  }

  @Get('home')
  @Authenticated()
  home(@CurrentUser() user: AuthUser) {
    return this.homes.home(user, this.clock.now());
  }
}
