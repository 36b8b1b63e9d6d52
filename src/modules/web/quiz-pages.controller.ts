import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { DomainException, UuidParam, validationFailed } from '../../../libs/common';
import { AttemptsService } from '../assessment/attempts/attempts.service';
import { LearnerCoursesService } from '../learning/enrolment/learner-courses.service';
import { formatters } from './format';
import { formProblems, seeOther } from './page-actions';
import { pageContext, render } from './page-context';
import { PageExceptionFilter, wantsJson } from './page-exception.filter';
import { PartialOrders, readQuizForm } from './quiz-form';

/** Ordering questions sent with items unplaced or tied: the learner is asked to finish them. */
function unfinishedOrders(slots: number[]) {
  return validationFailed(
    slots.map((slot) => ({
      field: `responses.${slot}`,
      rule: 'complete_order',
      message: 'give every item its own position',
    })),
  );
}

/**
 * Taking a quiz on a phone: the intro, the attempt (a plain form that works without
 * script; quiz.js adds autosave and the countdown), and the result.
 */
@ApiExcludeController()
@Controller('kuis')
@UseFilters(PageExceptionFilter)
export class QuizPagesController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly courses: LearnerCoursesService,
  ) {}

  @Get(':quizId')
  @Authenticated()
  async intro(
    @CurrentUser() user: AuthUser,
    @Param('quizId', UuidParam) quizId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = pageContext(req, reply, user);
    // quiz.windowState is the start check's own verdict: outside the window there is nothing to start.
    const quiz = await this.attempts.intro(user, quizId);
    await render(reply, 'learner/quiz.eta', { ...ctx, title: quiz.title, fmt: formatters(ctx.locale), quiz });
  }

  @Post(':quizId/mulai')
  @Authenticated()
  async start(@CurrentUser() user: AuthUser, @Param('quizId', UuidParam) quizId: string, @Res() reply: FastifyReply) {
    const attempt = await this.attempts.start(user, quizId);
    await seeOther(reply, `/kuis/percobaan/${attempt.id}`);
  }

  @Get('percobaan/:attemptId')
  @Authenticated()
  async attempt(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', UuidParam) attemptId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.show(user, attemptId, req, reply, null);
  }

  /** Saves the whole form; quiz.js calls it in the background and gets JSON back. */
  @Post('percobaan/:attemptId/simpan')
  @Authenticated()
  async save(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', UuidParam) attemptId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const background = wantsJson(req);
    const current = await this.attempts.get(user, attemptId);
    const form = readQuizForm(req.body, current.questions);
    try {
      const saved = await this.attempts.save(user, attemptId, form.responses);
      if (background) return reply.status(200).send(saved);
      // Without script: a half-placed ordering comes back as placed, with what to finish.
      if (form.unfinished.length) throw unfinishedOrders(form.unfinished);
      await seeOther(reply, `/kuis/percobaan/${attemptId}?ok=saved`);
    } catch (err) {
      const problems = formProblems(err);
      // The script shows what to fix; a closed attempt (409) makes it reload to the result.
      if (background)
        return reply
          .status(err instanceof DomainException && err.code.endsWith('ATTEMPT_CLOSED') ? 409 : 422)
          .send(problems);
      await this.show(user, attemptId, req, reply, problems, form.placed);
    }
  }

  @Post('percobaan/:attemptId/kirim')
  @Authenticated()
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', UuidParam) attemptId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const current = await this.attempts.get(user, attemptId);
    const form = current.status === 'in_progress' ? readQuizForm(req.body, current.questions) : undefined;
    try {
      if (form?.unfinished.length) {
        // Not sent yet: everything else is saved, and the page says which question to finish
        // (showing its items where the learner placed them).
        await this.attempts.save(user, attemptId, form.responses);
        throw unfinishedOrders(form.unfinished);
      }
      await this.attempts.submit(user, attemptId, form?.responses);
      await seeOther(reply, `/kuis/percobaan/${attemptId}`);
    } catch (err) {
      await this.show(user, attemptId, req, reply, formProblems(err), form?.placed);
    }
  }

  private async show(
    user: AuthUser,
    attemptId: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: ReturnType<typeof formProblems> | null,
    placed: PartialOrders = {},
  ) {
    const ctx = pageContext(req, reply, user);
    const attempt = await this.attempts.get(user, attemptId);
    const quiz = await this.attempts.intro(user, attempt.quizId);
    const waiting = attempt.status === 'submitted';
    const course = attempt.status === 'graded' ? await this.courses.page(user, attempt.courseId) : null;
    // A passed attempt ticks its lesson (and maybe completes the course) in a job of its own,
    // after the grade: until that has run, the page keeps looking, so the learner sees it.
    const quizLesson = course?.modules.flatMap((m) => m.lessons).find((l) => l.quizId === attempt.quizId);
    // Done for the course as AttemptOutcome counts it: a pre-test once taken, else the quiz's pass.
    const countsAsDone = quiz.role === 'pre' || quiz.passed === true;
    const ticking = attempt.status === 'graded' && countsAsDone && !!quizLesson?.state && !quizLesson.state.completed;
    await render(
      reply,
      'learner/attempt.eta',
      {
        ...ctx,
        title: quiz.title,
        fmt: formatters(ctx.locale),
        quiz,
        attempt,
        problems,
        placed,
        saved: (req.query as Record<string, string> | undefined)?.ok === 'saved',
        courseDone: course?.enrolment?.status === 'completed',
        // While the grading job runs, the page looks again by itself (no script needed).
        refreshSeconds: waiting || ticking ? 3 : null,
      },
      problems ? 422 : 200,
    );
  }
}
