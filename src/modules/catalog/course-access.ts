import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../libs/auth';
import { DomainException } from '../../../libs/common';
import { CatalogError } from './catalog.errors';
import { Course, CourseInstructor } from './entities';

/**
 * Who may edit a course: the national admin, and the instructors listed on it. Anyone
 * else is told the course does not exist (404), as for any record out of scope.
 */
@Injectable()
export class CourseAccess {
  async editable(m: EntityManager, user: AuthUser, courseId: string, lock = false): Promise<Course> {
    const query = m.createQueryBuilder(Course, 'c').where('c.id = :courseId', { courseId });
    if (lock && m.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    const course = await query.getOne();
    if (course && (await this.mayEdit(m, user, course.id))) return course;
    throw new DomainException(CatalogError.COURSE_NOT_FOUND, 'No such course');
  }

  async mayEdit(m: EntityManager, user: AuthUser, courseId: string): Promise<boolean> {
    if (user.role === 'national_admin') return true;
    if (user.role !== 'instructor') return false;
    return m.existsBy(CourseInstructor, { courseId, userId: user.id });
  }
}
