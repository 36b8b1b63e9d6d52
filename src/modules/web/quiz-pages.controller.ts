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
import { PageExceptionFilter } from './page-exception.filter';
import { readQuizForm } from './quiz-form';

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
    const background = (req.headers.accept ?? '').includes('application/json');
    const current = await this.attempts.get(user, attemptId);
    try {
      const saved = await this.attempts.save(user, attemptId, readQuizForm(req.body, current.questions).responses);
      if (background) return reply.status(200).send(saved);
      await seeOther(reply, `/kuis/percobaan/${attemptId}?ok=saved`);
    } catch (err) {
      const problems = formProblems(err);
      // The script shows what to fix; a closed attempt (409) makes it reload to the result.
      if (background)
        return reply
          .status(err instanceof DomainException && err.code.endsWith('ATTEMPT_CLOSED') ? 409 : 422)
          .send(problems);
      await this.show(user, attemptId, req, reply, problems);
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
    try {
      const form = current.status === 'in_progress' ? readQuizForm(req.body, current.questions) : undefined;
      if (form?.unfinished.length) {
        // Not sent yet: everything else is saved, and the page says which question to finish.
        await this.attempts.save(user, attemptId, form.responses);
        throw validationFailed(
          form.unfinished.map((slot) => ({
            field: `responses.${slot}`,
            rule: 'complete_order',
            message: 'give every item its own position',
          })),
        );
      }
      await this.attempts.submit(user, attemptId, form?.responses);
      await seeOther(reply, `/kuis/percobaan/${attemptId}`);
    } catch (err) {
      await this.show(user, attemptId, req, reply, formProblems(err));
    }
  }

  private async show(
    user: AuthUser,
    attemptId: string,
    req: FastifyRequest,
    reply: FastifyReply,
    problems: ReturnType<typeof formProblems> | null,
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
        saved: (req.query as Record<string, string> | undefined)?.ok === 'saved',
        courseDone: course?.enrolment?.status === 'completed',
        // While the grading job runs, the page looks again by itself (no script needed).
        refreshSeconds: waiting || ticking ? 3 : null,
      },
      problems ? 422 : 200,
    );
  }
}
