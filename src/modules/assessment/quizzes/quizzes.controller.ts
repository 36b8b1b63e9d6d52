import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../../../../libs/auth';
import { UuidParam } from '../../../../libs/common';
import { AttachQuizDto, QuizDto } from '../dto/quiz.dto';
import { QuizzesService } from './quizzes.service';

/** Quizzes of a course, for its instructors. */
@ApiTags('assessment: quizzes')
@ApiBearerAuth()
@Controller('api/assessment/courses/:courseId/quizzes')
export class QuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  @Post()
  @Roles('instructor', 'national_admin')
  create(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string, @Body() dto: QuizDto) {
    return this.quizzes.create(user, courseId, dto);
  }

  @Get()
  @Roles('instructor', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.quizzes.list(user, courseId);
  }

  @Get(':quizId')
  @Roles('instructor', 'national_admin')
  get(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('quizId', UuidParam) quizId: string,
  ) {
    return this.quizzes.get(user, courseId, quizId);
  }

  @Put(':quizId')
  @Roles('instructor', 'national_admin')
  update(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('quizId', UuidParam) quizId: string,
    @Body() dto: QuizDto,
  ) {
    return this.quizzes.update(user, courseId, quizId, dto);
  }

  /** Presents the quiz in a quiz lesson of the course's draft. */
  @Post(':quizId/lesson')
  @Roles('instructor', 'national_admin')
  attach(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('quizId', UuidParam) quizId: string,
    @Body() dto: AttachQuizDto,
  ) {
    return this.quizzes.attach(user, courseId, quizId, dto.lessonId);
  }
}
