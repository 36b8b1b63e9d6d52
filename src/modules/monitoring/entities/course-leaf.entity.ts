import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Leaf of the completion rollups: the enrolments of one course (and assignment) in one unit,
 * recomputed from the enrolment table's covering index whenever one of them changes.
 */
@Entity('mon_course_leaf')
export class MonCourseLeaf {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  /** The assignment id, or '' for self-enrolments. */
  @PrimaryColumn({ name: 'assignment_key', type: 'varchar', length: 36 })
  assignmentKey: string;

  /** The unit id, or '' for learners without one. */
  @PrimaryColumn({ name: 'unit_key', type: 'varchar', length: 36 })
  unitKey: string;

  @Column({ type: 'boolean', default: false })
  applied: boolean;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ type: 'int', default: 0 })
  requested: number;

  @Column({ type: 'int', default: 0 })
  active: number;

  @Column({ type: 'int', default: 0 })
  completed: number;

  /** JSON {"YYYY-MM-DD": n}: active enrolments per deadline day (WIB); overdue is read against today. */
  @Column({ name: 'open_by_day', type: 'text', nullable: true })
  openByDay: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
