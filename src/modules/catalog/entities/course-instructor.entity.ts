import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who may edit a course: its owner and co-instructors. */
@Entity('course_instructor')
@Index('IDX_course_instructor_user', ['userId'])
export class CourseInstructor {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 8 })
  role: 'owner' | 'co';

  @Column({ name: 'added_at', type: 'datetime', precision: 3 })
  addedAt: Date;
}
