import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { VersionMigrationService } from './progress/version-migration.service';

/** Instructors' actions on the learners of their courses. */
@ApiTags('learning: course learners')
@ApiBearerAuth()
@Controller('api/learning/courses/:courseId/learners')
export class CourseLearnersController {
  constructor(private readonly migration: VersionMigrationService) {}

  /** Moves learners in progress on older versions to the published version, keeping their progress. */
  @Post('migration')
  @Roles('instructor', 'national_admin')
  @HttpCode(200)
  migrate(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.migration.migrate(user, courseId);
  }
}
