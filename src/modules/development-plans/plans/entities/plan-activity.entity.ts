import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ACTIVITY_KINDS = ['course', 'form'] as const;
/** course: a catalogue course; form: a non-classical or external form (coaching, mentoring, seminar, ...). */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const DONE_SOURCES = ['course', 'external', 'mentoring', 'posttest'] as const;
export type DoneSource = (typeof DONE_SOURCES)[number];

/** A planned learning activity; ticked when matching completion data arrives. */
@Entity('plan_activity')
@Index('IDX_plan_activity_plan', ['planId', 'position'])
export class PlanActivity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  /** The goal (competency) it serves; null for an activity without one. */
  @Column({ name: 'goal_id', type: 'varchar', length: 36, nullable: true })
  goalId: string | null;

  @Column({ type: 'varchar', length: 8 })
  kind: ActivityKind;

  @Column({ name: 'course_id', type: 'varchar', length: 36, nullable: true })
  courseId: string | null;

  /** The development form (learning module's table), e.g. 'coaching', 'mentoring', 'seminar'. */
  @Column({ name: 'form_code', type: 'varchar', length: 40, nullable: true })
  formCode: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'planned_jp_tenths', type: 'int' })
  plannedJpTenths: number;

  @Column({ type: 'varchar', length: 8, default: 'planned' })
  status: 'planned' | 'done';

  @Column({ name: 'done_at', type: 'datetime', precision: 3, nullable: true })
  doneAt: Date | null;

  @Column({ name: 'credited_jp_tenths', type: 'int', default: 0 })
  creditedJpTenths: number;

  /** What ticked it: the credit's source and id (an enrolment, an external activity, ...). */
  @Column({ name: 'done_source', type: 'varchar', length: 10, nullable: true })
  doneSource: DoneSource | null;

  @Column({ name: 'done_source_id', type: 'varchar', length: 36, nullable: true })
  doneSourceId: string | null;

  @Column({ type: 'int' })
  position: number;
}
