import { Entity, Index, PrimaryColumn } from 'typeorm';

export const AUDIENCE_KINDS = ['region', 'unit', 'position'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** Who a course version is for, when it is not for everyone: a region subtree, a unit or a position. */
@Entity('course_audience')
@Index('IDX_course_audience_value', ['kind', 'value'])
export class CourseAudience {
  @PrimaryColumn({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: AudienceKind;

  /** A region code, or a unit or position id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  value: string;
}
