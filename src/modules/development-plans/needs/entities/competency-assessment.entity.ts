import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ASSESSMENT_SOURCES = ['assessment_centre', 'supervisor'] as const;
/** Who rated the person: an assessment centre, or the direct supervisor. */
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

/** A formal rating of one competency of one ASN, recorded by a unit admin. */
@Entity('competency_assessment')
@Index('IDX_competency_assessment_user', ['userId', 'competencyCode', 'assessedOn'])
@Index('IDX_competency_assessment_region', ['regionCode', 'assessedOn'])
export class CompetencyAssessment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  /** 1-5, the dictionary's levels. */
  @Column({ type: 'int' })
  level: number;

  /** The day of the assessment, YYYY-MM-DD. */
  @Column({ name: 'assessed_on', type: 'varchar', length: 10 })
  assessedOn: string;

  @Column({ type: 'varchar', length: 20 })
  source: AssessmentSource;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** The person's region when recorded, so the admin list needs no join. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
