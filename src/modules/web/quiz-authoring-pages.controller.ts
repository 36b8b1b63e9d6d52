import { Body, Controller, Get, Param, ParseIntPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { DomainException, flattenValidationErrors, localeOf, UuidParam, validationFailed } from '../../../libs/common';
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
import { gradingFailureText } from './i18n/quiz.messages';
import { doneFlag, formFlag, formProblems, formText, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';

const AUTHORS = ['instructor', 'national_admin'] as const;
const GIFT_MAX_BYTES = 2 * 1024 * 1024;
type Problems = ReturnType<typeof formProblems> | null;
/** A mark refused: the question's form as it was sent, and why, shown beside that question. */
interface RefusedMark {
  slot: number;
  problems: ReturnType<typeof formProblems>;
  sent: { points: string; comment: string; reason: string };
}

/** Questions of the bank per page of the quiz page. */
const BANK_PAGE = 100;
/** Attempts per page of each list of the grading queue. */
const QUEUE_PAGE = 100;

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
      this.bank.importGift(user, id, formText(body, 'gift', 1_000_000)).then(importedFlag),
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
      return importedFlag(await this.bank.importGift(user, id, text));
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
      const slots = await this.slotsOf(user, id, formText(body, 'drawCount', 20));
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
      // The catalog checks the lesson (and names it in its refusal); quiz and lesson are written
      // in one transaction, so a refused lesson leaves no quiz behind.
      const lessonId = formText(body, 'lessonId', 36);
      if (lessonId) await this.quizzes.createOnLesson(user, id, dto, lessonId);
      else await this.quizzes.create(user, id, dto);
      return 'saved';
    });
  }

  /** A question withdrawn from the bank; refused, naming the quizzes and slots, while a quiz needs it. */
  @Post('kuis/soal/:questionId/tarik')
  @Roles(...AUTHORS)
  async retire(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.act(user, id, req, reply, () => this.bank.retire(user, id, questionId).then(() => 'retired'));
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
    // ?percobaan=semua counts every attempt; anything else, each learner's first (the default).
    const counted = (req.query as { percobaan?: unknown }).percobaan === 'semua' ? 'all' : 'first';
    const url = `/pengajar/kursus/${id}/kuis/${quizId}/statistik`;
    await render(reply, 'authoring/quiz-statistics.eta', {
      ...ctx,
      title: quiz.title,
      fmt: formatters(ctx.locale),
      courseId: id,
      quiz,
      stats: await this.statistics.of(quizId, counted),
      switchUrl: counted === 'all' ? url : `${url}?percobaan=semua`,
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
    // Each list pages on its own (?menunggu=, ?gagal=); a link keeps the other list's page.
    const query = req.query as { menunggu?: unknown; gagal?: unknown };
    const at = { waiting: pageNumber(query.menunggu), failed: pageNumber(query.gagal) };
    const [waiting, failed] = await Promise.all([
      this.grading.list(id, { page: at.waiting, pageSize: QUEUE_PAGE, status: 'awaiting_manual' }),
      this.grading.list(id, { page: at.failed, pageSize: QUEUE_PAGE, status: 'failed' }),
    ]);
    const url = (w: number, f: number, list: string) =>
      `/pengajar/kursus/${id}/penilaian?menunggu=${w}&gagal=${f}#${list}`;
    await render(reply, 'authoring/grading-queue.eta', {
      ...ctx,
      title: ctx.t('grading.title'),
      fmt: formatters(ctx.locale),
      courseId: id,
      waiting,
      failed,
      failureText: (stored: string) => gradingFailureText(ctx.t, stored),
      pageUrls: {
        waiting: (n: number) => url(n, at.failed, 'menunggu'),
        failed: (n: number) => url(at.waiting, n, 'gagal'),
      },
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
    const sent = {
      points: formText(body, 'points', 10),
      comment: formText(body, 'comment', 5000),
      reason: formText(body, 'reason', 1000),
    };
    try {
      const points = sent.points.replace(',', '.');
      const dto = plainToInstance(MarkSlotDto, {
        points: points === '' ? undefined : Number(points),
        ...(sent.comment ? { comment: sent.comment } : {}),
        ...(sent.reason ? { reason: sent.reason } : {}),
        // What this grader saw of the mark: changed since by a colleague, it is refused (409).
        ...(formText(body, 'markVersion', 64) ? { markVersion: formText(body, 'markVersion', 64) } : {}),
      });
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) throw validationFailed(flattenValidationErrors(errors));
      await this.grading.mark(user, id, attemptId, slot, dto);
      await seeOther(reply, `/pengajar/kursus/${id}/penilaian/${attemptId}?ok=saved`);
    } catch (err) {
      const problems = formProblems(err);
      const status = conflictOrInvalid(err, problems);
      await this.gradePage(user, id, attemptId, req, reply, null, status, { slot, problems, sent });
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
      const problems = formProblems(err);
      await this.gradePage(user, id, attemptId, req, reply, problems, conflictOrInvalid(err, problems));
    }
  }

  /**
   * The quiz form's questions: a draw of that many, or every question of the bank when left
   * empty (a quiz holds 200 at most; more is refused by name). Anything else is refused: read
   * loosely, "abc" or "-3" would quietly build the quiz from every question.
   */
  private async slotsOf(user: AuthUser, id: string, drawCount: string) {
    if (drawCount === '') return (await this.bank.activeIds(user, id)).map((questionId) => ({ questionId }));
    const count = /^-?\d+$/.test(drawCount) ? Number(drawCount) : NaN;
    if (!Number.isInteger(count)) {
      throw validationFailed([{ field: 'drawCount', rule: 'isInt', message: 'drawCount must be a whole number' }]);
    }
    if (count < 1) {
      throw validationFailed([{ field: 'drawCount', rule: 'min', message: 'drawCount must be at least 1' }]);
    }
    return [{ count }];
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
    const page = pageNumber((req.query as { halaman?: unknown }).halaman);
    const [questions, quizzes] = await Promise.all([
      this.bank.list(user, id, { page, pageSize: BANK_PAGE }),
      this.quizzes.list(user, id),
    ]);
    const quizLessons = course.modules.flatMap((m) => m.lessons).filter((l) => l.kind === 'quiz');
    // Each quiz's newest regrade, so "Nilai ulang" shows how far it got and what it changed.
    const regradeRuns = Object.fromEntries(await this.regrades.latestRuns(id));
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
        regradeRuns,
        problems,
        done: doneFlag(req),
        importedCount: importedCount(doneFlag(req)),
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
    refused: RefusedMark | null = null,
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
        failureText: (stored: string) => gradingFailureText(ctx.t, stored),
        problems,
        refused,
        done: doneFlag(req),
      },
      status,
    );
  }
}

/**
 * The done flag of an import carries how many questions arrived ("imported-95"): an instructor
 * moving a bank of 120 sees at once whether all of them did.
 */
function importedFlag({ imported }: { imported: number }): string {
  return `imported-${imported}`;
}

/** The number of questions an import's done flag carries, or null for any other flag. */
function importedCount(done: string | null): number | null {
  const count = done ? /^imported-(\d{1,6})$/.exec(done)?.[1] : undefined;
  return count === undefined ? null : Number(count);
}

/** A page number from the query: 1 unless a whole number within reach. */
function pageNumber(value: unknown): number {
  return Math.max(1, Math.min(10_000, Math.floor(Number(value)) || 1));
}

/**
 * A refusal with nothing to correct in the form (the mark changed meanwhile, the grading was
 * already replayed) is a conflict, 409; anything the grader can fix in the form, 422.
 */
function conflictOrInvalid(err: unknown, problems: ReturnType<typeof formProblems>): 409 | 422 {
  return err instanceof DomainException && err.error.kind === 'conflict' && !problems.fields.length ? 409 : 422;
}
