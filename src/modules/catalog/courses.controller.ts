import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { PageQuery, UuidParam } from '../../../libs/common';
import { readUploadedFile, sendStoredFile } from '../../../libs/content';
import { FILE_STORAGE, FileStorage } from '../../../libs/storage';
import { CourseContentService } from './course-content.service';
import { CoursesService } from './courses.service';
import { CourseDraftDto, InstructorDto, OrderDto, SectionDto } from './dto/course.dto';
import { LessonDto } from './dto/lesson.dto';
import { LessonMediaService, MEDIA_LIMITS } from './lesson-media.service';
import { PublishingService } from './publishing.service';

const AUTHORS = ['instructor', 'national_admin'] as const;

/** Authoring: instructors (and the national admin) build, publish and archive courses. */
@ApiTags('catalog: authoring')
@ApiBearerAuth()
@Controller('api/catalog/courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly content: CourseContentService,
    private readonly publishing: PublishingService,
    private readonly media: LessonMediaService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Get()
  @Roles(...AUTHORS)
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery) {
    return this.courses.listMine(user, query);
  }

  @Post()
  @Roles(...AUTHORS)
  create(@CurrentUser() user: AuthUser, @Body() dto: CourseDraftDto) {
    return this.courses.create(user, dto);
  }

  @Get(':id')
  @Roles(...AUTHORS)
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.courses.get(user, id);
  }

  @Put(':id')
  @Roles(...AUTHORS)
  update(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: CourseDraftDto) {
    return this.courses.updateDraft(user, id, dto);
  }

  @Post(':id/publish')
  @Roles(...AUTHORS)
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.publishing.publish(user, id);
  }

  @Post(':id/archive')
  @Roles(...AUTHORS)
  @HttpCode(204)
  archive(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.publishing.archive(user, id);
  }

  @Post(':id/instructors')
  @Roles(...AUTHORS)
  addInstructor(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: InstructorDto) {
    return this.courses.addInstructor(user, id, dto.userId);
  }

  @Delete(':id/instructors/:userId')
  @Roles(...AUTHORS)
  removeInstructor(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ) {
    return this.courses.removeInstructor(user, id, userId);
  }

  @Post(':id/modules')
  @Roles(...AUTHORS)
  addSection(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: SectionDto) {
    return this.content.addSection(user, id, dto.title);
  }

  @Put(':id/modules/order')
  @Roles(...AUTHORS)
  @HttpCode(204)
  orderSections(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: OrderDto) {
    return this.content.orderSections(user, id, dto.ids);
  }

  @Put(':id/modules/:sectionId')
  @Roles(...AUTHORS)
  @HttpCode(204)
  renameSection(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('sectionId', UuidParam) sectionId: string,
    @Body() dto: SectionDto,
  ) {
    return this.content.renameSection(user, id, sectionId, dto.title);
  }

  @Delete(':id/modules/:sectionId')
  @Roles(...AUTHORS)
  @HttpCode(204)
  removeSection(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('sectionId', UuidParam) sectionId: string,
  ) {
    return this.content.removeSection(user, id, sectionId);
  }

  @Post(':id/modules/:sectionId/lessons')
  @Roles(...AUTHORS)
  addLesson(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('sectionId', UuidParam) sectionId: string,
    @Body() dto: LessonDto,
  ) {
    return this.content.addLesson(user, id, sectionId, dto);
  }

  @Put(':id/modules/:sectionId/lessons/order')
  @Roles(...AUTHORS)
  @HttpCode(204)
  orderLessons(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('sectionId', UuidParam) sectionId: string,
    @Body() dto: OrderDto,
  ) {
    return this.content.orderLessons(user, id, sectionId, dto.ids);
  }

  @Put(':id/lessons/:lessonId')
  @Roles(...AUTHORS)
  updateLesson(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Body() dto: LessonDto,
  ) {
    return this.content.updateLesson(user, id, lessonId, dto);
  }

  @Delete(':id/lessons/:lessonId')
  @Roles(...AUTHORS)
  @HttpCode(204)
  removeLesson(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
  ) {
    return this.content.removeLesson(user, id, lessonId);
  }

  @Post(':id/lessons/:lessonId/media')
  @Roles(...AUTHORS)
  @ApiConsumes('multipart/form-data')
  async uploadMedia(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Req() req: FastifyRequest,
  ) {
    const file = await readUploadedFile(req, { maxBytes: MEDIA_LIMITS.video });
    return this.media.attach(user, id, lessonId, file.fileName, file.content);
  }

  @Get(':id/lessons/:lessonId/media')
  @Roles(...AUTHORS)
  async downloadMedia(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParam) id: string,
    @Param('lessonId', UuidParam) lessonId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.media.forEditor(user, id, lessonId);
    await sendStoredFile(reply, req, this.storage, { ...file, disposition: 'inline' });
  }

  @Post(':id/cover')
  @Roles(...AUTHORS)
  @HttpCode(204)
  @ApiConsumes('multipart/form-data')
  async uploadCover(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Req() req: FastifyRequest) {
    const file = await readUploadedFile(req, { maxBytes: MEDIA_LIMITS.cover });
    await this.media.attachCover(user, id, file.content);
  }
}
