import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Pillar } from '../../competencies/competencies.api';

/** A competency a course version develops, and the level a learner reaches by completing it. */
@Entity('course_competency')
@Index('IDX_course_competency_code', ['competencyCode', 'versionId'])
export class CourseCompetency {
  @PrimaryColumn({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  @PrimaryColumn({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  /** Copied from the dictionary so that the catalogue filters by pillar without a join across modules. */
  @Column({ type: 'varchar', length: 16 })
  pillar: Pillar;

  @Column({ type: 'int' })
  level: number;
}
