import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Level 2 (learning) as recorded per learner and course: the pre-test → post-test gain the
 * assessment module computes, stored when a post-test grade is final or changes, with the
 * learner's unit and the WIB year of the first record, so results sum per unit and year.
 */
@Entity('learning_gain')
// Covers the totals per unit and year (EvaluationTotalsQuery): read from the index alone.
@Index('IDX_learning_gain_unit_totals', ['unitId', 'year', 'gainHundredths'])
export class LearningGain {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ type: 'int' })
  year: number;

  /** Grades in hundredths of a percent (7550 = 75.5 %); gain = post − pre in hundredths of points. */
  @Column({ name: 'pre_hundredths', type: 'int' })
  preHundredths: number;

  @Column({ name: 'post_hundredths', type: 'int' })
  postHundredths: number;

  @Column({ name: 'gain_hundredths', type: 'int' })
  gainHundredths: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
