import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How many public complaints of one theme a unit's service area received in one month. */
@Entity('needs_complaint_count')
@Index('UQ_needs_complaint_count_series', ['unitId', 'areaKey', 'themeKey', 'period'], { unique: true })
@Index('IDX_needs_complaint_count_region', ['regionCode', 'period'])
export class ComplaintCount {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  /** The unit's region: the admins whose subtree holds it see and edit the counts. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'service_area', type: 'varchar', length: 100 })
  serviceArea: string;

  /** The service area as compared (lower case, single spaces): "Loket KTP" and "loket  ktp" are one. */
  @Column({ name: 'area_key', type: 'varchar', length: 100 })
  areaKey: string;

  @Column({ type: 'varchar', length: 120 })
  theme: string;

  @Column({ name: 'theme_key', type: 'varchar', length: 120 })
  themeKey: string;

  /** The month, YYYY-MM. */
  @Column({ name: 'period_ym', type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'complaints', type: 'int' })
  count: number;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
