import { CourseAudience } from './course-audience.entity';
import { CourseCompetency } from './course-competency.entity';
import { CourseInstructor } from './course-instructor.entity';
import { CourseSection } from './course-section.entity';
import { CourseVersion } from './course-version.entity';
import { Course } from './course.entity';
import { Lesson } from './lesson.entity';

export * from './course-audience.entity';
export * from './course-competency.entity';
export * from './course-instructor.entity';
export * from './course-section.entity';
export * from './course-version.entity';
export * from './course.entity';
export * from './lesson.entity';

export const CATALOG_ENTITIES = [
  Course,
  CourseVersion,
  CourseSection,
  Lesson,
  CourseCompetency,
  CourseAudience,
  CourseInstructor,
];
