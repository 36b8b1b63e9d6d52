import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import {
  CommonError,
  DomainException,
  flattenValidationErrors,
  UuidParam,
  validationFailed,
} from '../../../libs/common';
import { sendStoredFile } from '../../../libs/content';
import { FILE_STORAGE, FileStorage } from '../../../libs/storage';
import { CatalogApi, CatalogueQuery, LESSON_KINDS } from '../catalog/catalog.api';
import { CompetenciesApi, PILLARS } from '../competencies/competencies.api';
import { EnrolmentsService } from '../learning/enrolment/enrolments.service';
import { LearnerCatalogueService } from '../learning/enrolment/learner-catalogue.service';
import { LearnerCoursesService } from '../learning/enrolment/learner-courses.service';
import { LearningError } from '../learning/learning.errors';
import { LedgerService } from '../learning/ledger/ledger.service';
import { formatters } from './format';
import { seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

/** The learner's pages: catalogue, course, lesson and the JP ledger. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class LearnerPagesController {
  constructor(
    private readonly catalogue: LearnerCatalogueService,
    private readonly enrolments: EnrolmentsService,
    private readonly courses: LearnerCoursesService,
    private readonly ledgers: LedgerService,
    private readonly competencies: CompetenciesApi,
    private readonly catalog: CatalogApi,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Get('katalog')
  @Authenticated()
  async cataloguePage(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = pageContext(req, reply, user);
    const raw = (req.query ?? {}) as Record<string, string>;
    // Empty form fields mean "any": drop them before the same validation the API applies.
    const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
    const query = plainToInstance(CatalogueQuery, {
      pageSize: '10',
      ...given,
      assigned: given.assigned ? 'true' : undefined,
    });
    const errors = await validate(query, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationFailed(flattenValidationErrors(errors));
    const [page, competencies] = await Promise.all([
      this.catalogue.search(user, query),
      this.competencies.offered([query.competency]),
    ]);
    const params = new URLSearchParams(given);
    const pageUrl = (n: number) => {
      params.set('page', String(n));
      return `/katalog?${params.toString()}`;
    };
    await render(reply, 'learner/catalogue.eta', {
      ...ctx,
      title: ctx.t('catalogue.title'),
      fmt: formatters(ctx.locale),
      query: given,
      page,
      pageUrl,
      competencies,
      pillars: PILLARS,
      kinds: LESSON_KINDS,
    });
  }

  @Get('kursus/:courseId')
  @Authenticated()
  async course(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.coursePage(user, courseId, req, reply);
  }

  private async coursePage(
    user: AuthUser,
    courseId: string,
    req: FastifyRequest,
    reply: FastifyReply,
    /** Enrolling was just refused because the deadline passed: the page says so, once, in place of the button. */
    enrolRefused = false,
  ) {
    const ctx = pageContext(req, reply, user);
    const course = await this.courses.page(user, courseId);
    const lessons = course.modules.flatMap((m) => m.lessons);
    const resume = course.enrolment?.lastLessonId ?? lessons.find((l) => !l.state?.locked)?.id ?? null;
    await render(
      reply,
      'learner/course.eta',
      {
        ...ctx,
        title: course.title,
        fmt: formatters(ctx.locale),
        course,
        resume,
        enrolRefused,
      },
      enrolRefused ? 409 : 200,
    );
  }

  /** The cover of a course the caller may see (the course page shows it). */
  @Get('kursus/:courseId/sampul')
  @Authenticated()
  async cover(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const course = await this.courses.page(user, courseId);
    const cover = await this.catalog.cover(course.versionId);
    if (!cover) throw new DomainException(CommonError.NOT_FOUND, 'The course has no cover');
    const fileName = `sampul.${cover.mime.split('/')[1] ?? 'img'}`;
    await sendStoredFile(reply, req, this.storage, { ...cover, fileName, disposition: 'inline' });
  }

  @Post('kursus/:courseId/daftar')
  @Authenticated()
  async enrol(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    try {
      await this.enrolments.enrol(user, courseId);
    } catch (err) {
      // The deadline passed while the page was open: the course page says so, not the error page.
      if (err instanceof DomainException && err.code === LearningError.DEADLINE_PASSED.code) {
        return this.coursePage(user, courseId, req, reply, true);
      }
      throw err;
    }
    await seeOther(reply, `/kursus/${courseId}`);
  }

  @Get('kursus/:courseId/pelajaran/:lessonId')
  @Authenticated()
  async lesson(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    const lesson = await this.courses.open(user, courseId, lessonId);
    const done = (req.query as Record<string, string> | undefined)?.selesai === 'kursus';
    await render(reply, 'learner/lesson.eta', {
      ...ctx,
      title: lesson.title,
      fmt: formatters(ctx.locale),
      courseId,
      lesson,
      mediaUrl: `/api/learning/courses/${courseId}/lessons/${lessonId}/media`,
      courseDone: done ? await this.courses.page(user, courseId) : null,
    });
  }

  @Post('kursus/:courseId/pelajaran/:lessonId/selesai')
  @Authenticated()
  async complete(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Res() reply: FastifyReply,
  ) {
    const outcome = await this.courses.complete(user, courseId, lessonId);
    if (outcome.courseNewlyCompleted)
      return seeOther(reply, `/kursus/${courseId}/pelajaran/${lessonId}?selesai=kursus`);
    const next = await this.courses.open(user, courseId, lessonId).then((l) => l.next);
    await seeOther(reply, next && !next.locked ? `/kursus/${courseId}/pelajaran/${next.id}` : `/kursus/${courseId}`);
  }

  @Get('jp')
  @Authenticated()
  async ledger(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('tahun') yearParam?: string,
  ) {
    const ctx = pageContext(req, reply, user);
    const current = this.ledgers.currentYear();
    const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : current;
    const ledger = await this.ledgers.ledger(user, year);
    await render(reply, 'learner/ledger.eta', {
      ...ctx,
      title: ctx.t('ledger.title', { year }),
      fmt: formatters(ctx.locale),
      ledger,
      years: [current, current - 1, current - 2],
    });
  }
}
