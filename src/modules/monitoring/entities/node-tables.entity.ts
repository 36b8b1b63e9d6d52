import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './bigint-number';

/*
 * Node rows: the sums of the leaves below a node of the tree (nation, province, kota/kabupaten,
 * district, unit; see rollups/node-path.ts), keyed by node and the dashboard's dimensions.
 * A dashboard reads one node and its children (by parent), never the leaves.
 * Maintained by deltas when a leaf changes, rebuilt from the leaves by the rebuild job.
 */

@Entity('mon_jp_node')
@Index('IDX_mon_jp_node_parent', ['year', 'parent'])
export class MonJpNode {
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @PrimaryColumn({ name: 'employee_type', type: 'varchar', length: 4 }) employeeType: string;
  @PrimaryColumn({ type: 'varchar', length: 6 }) golongan: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  @Column({ type: 'int', default: 0 }) people: number;
  @Column({ name: 'jp_0', type: 'int', default: 0 }) jp0: number;
  @Column({ name: 'jp_1_9', type: 'int', default: 0 }) jp1to9: number;
  @Column({ name: 'jp_10_19', type: 'int', default: 0 }) jp10to19: number;
  @Column({ name: 'jp_20_plus', type: 'int', default: 0 }) jp20plus: number;
  @Column({ name: 'met_target', type: 'int', default: 0 }) metTarget: number;
  @Column({ name: 'jp_tenths', type: 'bigint', default: 0, transformer: bigintNumber }) jpTenths: number;
}

/** People who reached their yearly target in each month: the attainment trend. */
@Entity('mon_jp_month_node')
export class MonJpMonthNode {
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @PrimaryColumn({ type: 'int' }) month: number;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  @Column({ type: 'int', default: 0 }) attained: number;
}

@Entity('mon_course_node')
@Index('IDX_mon_course_node_node', ['node', 'courseId'])
@Index('IDX_mon_course_node_parent', ['parent', 'courseId'])
export class MonCourseNode {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 }) courseId: string;
  @PrimaryColumn({ name: 'assignment_key', type: 'varchar', length: 36 }) assignmentKey: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  @Column({ type: 'int', default: 0 }) requested: number;
  @Column({ type: 'int', default: 0 }) active: number;
  @Column({ type: 'int', default: 0 }) completed: number;
}

/** Active (not completed) enrolments per deadline day: overdue = those with a day before today. */
@Entity('mon_course_deadline_node')
@Index('IDX_mon_course_deadline_node_node', ['node', 'deadlineDay'])
export class MonCourseDeadlineNode {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 }) courseId: string;
  @PrimaryColumn({ name: 'assignment_key', type: 'varchar', length: 36 }) assignmentKey: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @PrimaryColumn({ name: 'deadline_day', type: 'varchar', length: 10 }) deadlineDay: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  @Column({ name: 'open_count', type: 'int', default: 0 }) openCount: number;
}

@Entity('mon_competency_node')
@Index('IDX_mon_competency_node_parent', ['parent'])
export class MonCompetencyNode {
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @PrimaryColumn({ name: 'competency_code', type: 'varchar', length: 20 }) competencyCode: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  /** ASN whose position requires the competency. */
  @Column({ type: 'int', default: 0 }) required: number;
  /** Of those, the ones whose evidence reaches the required level. */
  @Column({ type: 'int', default: 0 }) met: number;
}

@Entity('mon_plan_node')
@Index('IDX_mon_plan_node_parent', ['year', 'parent'])
export class MonPlanNode {
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) status: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  @Column({ type: 'int', default: 0 }) plans: number;
}

@Entity('mon_evaluation_node')
@Index('IDX_mon_evaluation_node_parent', ['year', 'parent'])
export class MonEvaluationNode {
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'varchar', length: 36 }) node: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) parent: string | null;
  @Column({ name: 'node_kind', type: 'varchar', length: 1 }) nodeKind: string;
  @Column({ name: 'l1_sum', type: 'int', default: 0 }) l1Sum: number;
  @Column({ name: 'l1_count', type: 'int', default: 0 }) l1Count: number;
  @Column({ name: 'l2_gain_sum', type: 'int', default: 0 }) l2GainSum: number;
  @Column({ name: 'l2_count', type: 'int', default: 0 }) l2Count: number;
  @Column({ name: 'l3_applied', type: 'int', default: 0 }) l3Applied: number;
  @Column({ name: 'l3_answered', type: 'int', default: 0 }) l3Answered: number;
}
