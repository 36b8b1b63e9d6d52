import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../libs/auth';
import { DomainException } from '../../../libs/common';
import { CatalogApi } from '../catalog/catalog.api';
import { AssessmentError } from './assessment.errors';

/** Banks, quizzes and grading belong to a course's editors (its instructors, and national admins). */
@Injectable()
export class CourseEditors {
  constructor(private readonly catalog: CatalogApi) {}

  /** 404, not 403, for anyone else: whether a course's bank exists is not theirs to learn. */
  async assert(user: AuthUser, courseId: string): Promise<void> {
    if (!(await this.catalog.mayEdit(user, courseId))) {
      throw new DomainException(AssessmentError.COURSE_NOT_FOUND, 'No such course among those you edit');
    }
  }
}
