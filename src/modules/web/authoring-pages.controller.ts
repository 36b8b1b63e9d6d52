import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { readUploadedFile } from '../../../libs/content';
import { ENROLMENT_MODES, LESSON_KINDS } from '../catalog/catalog.api';
import { CourseContentService } from '../catalog/course-content.service';
import { AuthoringView, CoursesService } from '../catalog/courses.service';
import { LessonDto } from '../catalog/dto/lesson.dto';
import { LessonMediaService, MEDIA_LIMITS } from '../catalog/lesson-media.service';
import { PublishingService } from '../catalog/publishing.service';
import { CompetenciesApi } from '../competencies/competencies.api';
import { IdentityApi } from '../identity/identity.api';
import { VersionMigrationService } from '../learning/progress/version-migration.service';
import { courseFormOf, CourseFormValues, EMPTY_COURSE_FORM, readCourseForm, toCourseDraft } from './course-form';
import { formatters } from './format';
import { doneFlag, formFlag, formProblems, formText, seeOther } from './page-actions';
import { PageContext, pageContext, render } from './page-context';
import { PageExceptionFilter } from './page-exception.filter';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, validationFailed } from '../../../libs/common';

const AUTHORS = ['instructor', 'national_admin'] as const;
type Problems = ReturnType<typeof formProblems> | null;

interface LessonFormValues {
  title: string;
  kind: string;
  required: boolean;
  bodyHtml: string;
  externalUrl: string;
}

interface LessonForm {
  sectionId: string;
  values: LessonFormValues;
}

/** Instructors build courses here: the draft's fields, modules, lessons, files, publishing. */
@ApiExcludeController()
@Controller('pengajar/kursus')
@UseFilters(PageExceptionFilter)
export class AuthoringPagesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly content: CourseContentService,
    private readonly publishing: PublishingService,
    private readonly media: LessonMediaService,
    private readonly migration: VersionMigrationService,
    private readonly competencies: CompetenciesApi,
    private readonly identity: IdentityApi,
  ) {}

  @Get()
  @Roles(...AUTHORS)
  async list(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.listPage(user, req, reply, EMPTY_COURSE_FORM, null);
  }

  @Post()
  @Roles(...AUTHORS)
  async create(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = readCourseForm(body);
    try {
      const created = await this.courses.create(user, await toCourseDraft(values));
      await seeOther(reply, `/pengajar/kursus/${created.courseId}`);
    } catch (err) {
      await this.listPage(user, req, reply, values, formProblems(err), 422);
    }
  }

  @Get(':id')
  @Roles(...AUTHORS)
  async edit(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const course = await this.courses.get(user, id);
    await this.editPage(req, reply, user, course, courseFormOf(course), null);
  }

  @Post(':id')
  @Roles(...AUTHORS)
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const values = readCourseForm(body);
    await this.attempt(req, reply, user, id, values, async () => {
      await this.courses.updateDraft(user, id, await toCourseDraft(values));
      return 'saved';
    });
  }

  @Post(':id/modul')
  @Roles(...AUTHORS)
  async addModule(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      const title = formText(body, 'title', 200);
      if (!title) throw validationFailed([{ field: 'title', rule: 'required', message: 'the module needs a title' }]);
      await this.content.addSection(user, id, title);
      return 'saved';
    });
  }

  @Post(':id/modul/:sectionId/pelajaran')
  @Roles(...AUTHORS)
  async addLesson(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('sectionId', UuidParam) sectionId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    const sent: LessonFormValues = {
      title: formText(body, 'title', 200),
      kind: formText(body, 'kind', 20),
      required: formFlag(body, 'required'),
      bodyHtml: formText(body, 'bodyHtml', 200_000),
      externalUrl: formText(body, 'externalUrl'),
    };
    const lessonForm = { sectionId, values: sent };
    await this.attempt(
      req,
      reply,
      user,
      id,
      null,
      async () => {
        const dto = plainToInstance(LessonDto, {
          title: sent.title,
          kind: sent.kind,
          required: sent.required,
          ...(sent.bodyHtml ? { bodyHtml: sent.bodyHtml } : {}),
          ...(sent.externalUrl ? { externalUrl: sent.externalUrl } : {}),
        });
        const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
        if (errors.length) throw validationFailed(flattenValidationErrors(errors));
        await this.content.addLesson(user, id, sectionId, dto);
        return 'saved';
      },
      lessonForm,
    );
  }

  /** Multipart (the file); the CSRF token travels in the action URL. */
  @Post(':id/pelajaran/:lessonId/berkas')
  @Roles(...AUTHORS)
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      const file = await readUploadedFile(req, { maxBytes: MEDIA_LIMITS.video });
      await this.media.attach(user, id, lessonId, file.fileName, file.content);
      return 'saved';
    });
  }

  /** Multipart (the image); the CSRF token travels in the action URL. */
  @Post(':id/sampul')
  @Roles(...AUTHORS)
  async cover(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      const file = await readUploadedFile(req, { maxBytes: MEDIA_LIMITS.cover });
      await this.media.attachCover(user, id, file.content);
      return 'saved';
    });
  }

  @Post(':id/pengajar')
  @Roles(...AUTHORS)
  async addInstructor(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      const colleague = await this.identity.findByLogin(formText(body, 'login', 254));
      if (!colleague || colleague.role !== 'instructor') {
        throw validationFailed([
          { field: 'login', rule: 'instructor', message: 'no instructor signs in with this NIP or e-mail' },
        ]);
      }
      await this.courses.addInstructor(user, id, colleague.id);
      return 'saved';
    });
  }

  @Post(':id/pengajar/:userId/hapus')
  @Roles(...AUTHORS)
  async removeInstructor(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      await this.courses.removeInstructor(user, id, userId);
      return 'saved';
    });
  }

  @Post(':id/terbitkan')
  @Roles(...AUTHORS)
  async publish(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      await this.publishing.publish(user, id);
      return 'published';
    });
  }

  @Post(':id/arsipkan')
  @Roles(...AUTHORS)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      await this.publishing.archive(user, id);
      return 'archived';
    });
  }

  @Post(':id/migrasi')
  @Roles(...AUTHORS)
  async migrate(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.attempt(req, reply, user, id, null, async () => {
      const report = await this.migration.migrate(user, id);
      return `migrated-${report.moved}-${report.completed}`;
    });
  }

  /** Runs a change; success goes back to the course page with a notice, failure shows the problems there. */
  private async attempt(
    req: FastifyRequest,
    reply: FastifyReply,
    user: AuthUser,
    id: string,
    values: CourseFormValues | null,
    change: () => Promise<string>,
    lessonForm: LessonForm | null = null,
  ) {
    try {
      const done = await change();
      await seeOther(reply, `/pengajar/kursus/${id}?ok=${done}`);
    } catch (err) {
      const problems = formProblems(err);
      const course = await this.courses.get(user, id);
      await this.editPage(req, reply, user, course, values ?? courseFormOf(course), problems, 422, lessonForm);
    }
  }

  private async listPage(
    user: AuthUser,
    req: FastifyRequest,
    reply: FastifyReply,
    values: CourseFormValues,
    problems: Problems,
    status = 200,
  ) {
    const ctx = pageContext(req, reply, user);
    const [mine, competencies] = await Promise.all([
      this.courses.listMine(user, { page: 1, pageSize: 100 }),
      this.competencies.offered(Object.keys(values.levels)),
    ]);
    await render(
      reply,
      'authoring/list.eta',
      {
        ...ctx,
        ...this.formData(ctx),
        title: ctx.t('authoring.title'),
        courses: mine.items,
        values,
        competencies,
        problems,
      },
      status,
    );
  }

  private async editPage(
    req: FastifyRequest,
    reply: FastifyReply,
    user: AuthUser,
    course: AuthoringView,
    values: CourseFormValues,
    problems: Problems,
    status = 200,
    lessonForm: LessonForm | null = null,
  ) {
    const ctx = pageContext(req, reply, user);
    const [competencies, team] = await Promise.all([
      this.competencies.offered(Object.keys(values.levels)),
      this.identity.namesOf(course.instructors.map((i) => i.userId)),
    ]);
    await render(
      reply,
      'authoring/edit.eta',
      {
        ...ctx,
        ...this.formData(ctx),
        title: course.title,
        course,
        team,
        values,
        competencies,
        problems,
        // A refused lesson comes back in its module's form, open and filled in as it was sent.
        lessonForm,
        notice: this.notice(ctx, doneFlag(req), course),
      },
      status,
    );
  }

  private formData(ctx: PageContext) {
    return { fmt: formatters(ctx.locale), modes: ENROLMENT_MODES, kinds: LESSON_KINDS };
  }

  private notice(ctx: PageContext, flag: string | null, course: AuthoringView): string | null {
    if (!flag) return null;
    if (flag === 'published') return ctx.t('authoring.published', { number: course.versionNumber });
    if (flag === 'archived') return ctx.t('authoring.archived');
    const migrated = /^migrated-(\d+)-(\d+)$/.exec(flag);
    if (migrated) return ctx.t('authoring.migrated', { moved: migrated[1], completed: migrated[2] });
    return ctx.t('authoring.saved');
  }
}
