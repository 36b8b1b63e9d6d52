import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LongTextColumn } from '../../../../libs/database/long-text';

export const ASSIGNMENT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Who a unit admin asked to enrol (a filter or a list of NIPs), and how the queued run went. */
@Entity('course_assignment')
@Index('IDX_course_assignment_scope', ['scopeRegionCode', 'createdAt'])
export class CourseAssignment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  /** The admin's region subtree at the time (null: national). Targets outside it are refused. */
  @Column({ name: 'scope_region_code', type: 'varchar', length: 20, nullable: true })
  scopeRegionCode: string | null;

  /** JSON of the filter (regionCode, unitId, positionId, golongan, employeeType) or null with NIPs. */
  @Column({ name: 'filter_json', type: 'text', nullable: true })
  filterJson: string | null;

  /** Newline-separated NIPs when assigned from a CSV. */
  @LongTextColumn({ nullable: true })
  nips: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadline: Date | null;

  @Column({ type: 'varchar', length: 8 })
  status: AssignmentStatus;

  @Column({ type: 'int', default: 0 })
  enrolled: number;

  @Column({ name: 'already_enrolled', type: 'int', default: 0 })
  alreadyEnrolled: number;

  @Column({ name: 'out_of_scope', type: 'int', default: 0 })
  outOfScope: number;

  @Column({ name: 'not_found', type: 'int', default: 0 })
  notFound: number;

  /** Last target handled (user id for filters, NIP index for lists): a re-run resumes after it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  cursor: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
