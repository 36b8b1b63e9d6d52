import { Body, Controller, Get, Param, ParseIntPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { flattenValidationErrors, localeOf, UuidParam, validationFailed } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { decodeGiftFile } from '../assessment/bank/gift-file';
import { QuestionBankService } from '../assessment/bank/question-bank.service';
import { CourseEditors } from '../assessment/course-editors';
import { MarkSlotDto } from '../assessment/dto/attempt.dto';
import { QuizDto } from '../assessment/dto/quiz.dto';
import { GradingService } from '../assessment/grading/grading.service';
import { ItemStatisticsService } from '../assessment/grading/item-statistics.service';
import { RegradesService } from '../assessment/grading/regrades.service';
import { QuizzesService } from '../assessment/quizzes/quizzes.service';
import { CoursesService } from '../catalog/courses.service';
import { formatters } from './format';
import { translator } from './i18n/messages';
import { doneFlag, formFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const AUTHORS = ['instructor', 'national_admin'] as const;
const GIFT_MAX_BYTES = 2 * 1024 * 1024;
type Problems = ReturnType<typeof formProblems> | null;

/** Questions of the bank per page of the quiz page. */
const BANK_PAGE = 100;

/** Instructors' quiz pages: the bank (GIFT in and out), quizzes, the grading queue and item statistics. */
@ApiExcludeController()
@Controller('pengajar/kursus/:id')
@UseFilters(PageExceptionFilter)
export class QuizAuthoringPagesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly editors: CourseEditors,
    private readonly bank: QuestionBankService,
    private readonly quizzes: QuizzesService,
    private readonly grading: GradingService,
    private readonly regrades: RegradesService,
    private readonly statistics: ItemStatisticsService,
  ) {}

  @Get('kuis')
  @Roles(...AUTHORS)
  async page(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.quizPage(user, id, req, reply, null);
  }

  /** GIFT pasted into the form. */
  @Post('kuis/soal')
  @Roles(...AUTHORS)
  async importText(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.act(user, id, req, reply, () =>
      this.bank.importGift(user, id, formText(body, 'gift', 1_000_000)).then(() => 'imported'),
    );
  }

  /** A GIFT file (multipart; the CSRF token travels in the action URL). */
  @Post('kuis/berkas-soal')
  @Roles(...AUTHORS)
  async importFile(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.act(user, id, req, reply, async () => {
      const upload = await readUploadedFile(req, { maxBytes: GIFT_MAX_BYTES });
      // Shown after the field's label: "Berkas: bukan teks UTF-8. …".
      const text = decodeGiftFile(upload.content, translator(localeOf(req.cookies))('bank.notUtf8'));
      await this.bank.importGift(user, id, text);
      return 'imported';
    });
  }

  @Post('kuis')
  @Roles(...AUTHORS)
  async createQuiz(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.act(user, id, req, reply, async () => {
      const drawCount = Number(formText(body, 'drawCount', 5));
      // Empty: every question of the bank (a quiz holds 200 at most; more is refused by name).
      const slots =
        drawCount > 0
          ? [{ count: drawCount }]
          : (await this.bank.activeIds(user, id)).map((questionId) => ({ questionId }));
      const number = (name: string) => (formText(body, name, 10) ? Number(formText(body, name, 10)) : undefined);
      const dto = plainToInstance(QuizDto, {
        title: formText(body, 'title', 200),
        slots,
        timeLimitMinutes: number('timeLimitMinutes'),
        attemptsAllowed: number('attemptsAllowed'),
        passPercent: number('passPercent') ?? 70,
        gradingMethod: formText(body, 'gradingMethod', 10) || 'highest',
        showScore: formText(body, 'showScore', 20) || 'after_grading',
        showAnswers: formText(body, 'showAnswers', 20) || 'after_close',
        shuffleQuestions: formFlag(body, 'shuffleQuestions'),
        shuffleOptions: formFlag(body, 'shuffleOptions'),
        role: formText(body, 'role', 5) || 'none',
      });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      const quiz = await this.quizzes.create(user, id, dto);
      const lessonId = formText(body, 'lessonId', 36);
      if (lessonId) await this.quizzes.attach(user, id, quiz.id, lessonId);
      return 'saved';
    });
  }

  @Post('kuis/:quizId/pelajaran')
  @Roles(...AUTHORS)
  async attach(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('quizId', UuidParam) quizId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.act(user, id, req, reply, () =>
      this.quizzes.attach(user, id, quizId, formText(body, 'lessonId', 36)).then(() => 'saved'),
    );
  }

  @Post('kuis/:quizId/nilai-ulang')
  @Roles(...AUTHORS)
  async regrade(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('quizId', UuidParam) quizId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.act(user, id, req, reply, async () => {
      await this.editors.assert(user, id);
      await this.regrades.request(user, id, quizId);
      return 'regrade';
    });
  }

  @Get('kuis/:quizId/statistik')
  @Roles(...AUTHORS)
  async stats(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('quizId', UuidParam) quizId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.editors.assert(user, id);
    const quiz = await this.grading.quizOf(id, quizId);
    const ctx = pageContext(req, reply, user);
    await render(reply, 'authoring/quiz-statistics.eta', {
      ...ctx,
      title: quiz.title,
      fmt: formatters(ctx.locale),
      courseId: id,
      quiz,
      stats: await this.statistics.of(quizId),
    });
  }

  @Get('penilaian')
  @Roles(...AUTHORS)
  async queue(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.editors.assert(user, id);
    const ctx = pageContext(req, reply, user);
    const [waiting, failed] = await Promise.all([
      this.grading.list(id, { page: 1, pageSize: 100, status: 'awaiting_manual' }),
      this.grading.list(id, { page: 1, pageSize: 100, status: 'failed' }),
    ]);
    await render(reply, 'authoring/grading-queue.eta', {
      ...ctx,
      title: ctx.t('grading.title'),
      fmt: formatters(ctx.locale),
      courseId: id,
      waiting,
      failed,
    });
  }

  @Get('penilaian/:attemptId')
  @Roles(...AUTHORS)
  async attemptPage(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('attemptId', UuidParam) attemptId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.gradePage(user, id, attemptId, req, reply, null);
  }

  @Post('penilaian/:attemptId/soal/:slot')
  @Roles(...AUTHORS)
  async mark(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('attemptId', UuidParam) attemptId: string,
    @Param('slot', ParseIntPipe) slot: number,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.editors.assert(user, id);
    try {
      const points = formText(body, 'points', 10).replace(',', '.');
      const dto = plainToInstance(MarkSlotDto, {
        points: points === '' ? undefined : Number(points),
        ...(formText(body, 'comment', 5000) ? { comment: formText(body, 'comment', 5000) } : {}),
        ...(formText(body, 'reason', 1000) ? { reason: formText(body, 'reason', 1000) } : {}),
      });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.grading.mark(user, id, attemptId, slot, dto);
      await seeOther(reply, `/pengajar/kursus/${id}/penilaian/${attemptId}?ok=saved`);
    } catch (err) {
      await this.gradePage(user, id, attemptId, req, reply, formProblems(err), 422);
    }
  }

  @Post('penilaian/:attemptId/ulang')
  @Roles(...AUTHORS)
  async replay(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('attemptId', UuidParam) attemptId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.editors.assert(user, id);
    try {
      await this.grading.replay(user, id, attemptId);
      await seeOther(reply, `/pengajar/kursus/${id}/penilaian/${attemptId}?ok=replayed`);
    } catch (err) {
      await this.gradePage(user, id, attemptId, req, reply, formProblems(err), 422);
    }
  }

  private async act(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    change: () => Promise<string>,
  ) {
    try {
      const done = await change();
      await seeOther(reply, `/pengajar/kursus/${id}/kuis?ok=${done}`);
    } catch (err) {
      await this.quizPage(user, id, req, reply, formProblems(err), 422);
    }
  }

  private async quizPage(
    user: AuthUser,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: Problems,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const course = await this.courses.get(user, id);
    const page = Math.max(1, Math.min(10_000, Math.floor(Number((req.query as { halaman?: unknown }).halaman)) || 1));
    const [questions, quizzes] = await Promise.all([
      this.bank.list(user, id, { page, pageSize: BANK_PAGE }),
      this.quizzes.list(user, id),
    ]);
    const quizLessons = course.modules.flatMap((m) => m.lessons).filter((l) => l.kind === 'quiz');
    await render(
      reply,
      'authoring/quizzes.eta',
      {
        ...ctx,
        title: ctx.t('bank.title'),
        fmt: formatters(ctx.locale),
        course,
        questions,
        page: questions,
        pageUrl: (n: number) => `/pengajar/kursus/${id}/kuis?halaman=${n}#bank`,
        quizzes,
        quizLessons,
        problems,
        done: doneFlag(req),
        form: problems ? req.body : {},
      },
      status,
    );
  }

  private async gradePage(
    user: AuthUser,
    id: string,
    attemptId: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: Problems,
    status = 200,
  ) {
    await this.editors.assert(user, id);
    const ctx = pageContext(req, reply, user);
    const attempt = await this.grading.attempt(id, attemptId);
    await render(
      reply,
      'authoring/grade-attempt.eta',
      {
        ...ctx,
        title: ctx.t('grading.attempt'),
        fmt: formatters(ctx.locale),
        courseId: id,
        attempt,
        problems,
        done: doneFlag(req),
      },
      status,
    );
  }
}
