import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ACTIVITY_STATUSES = ['submitted', 'verified', 'rejected'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Development done outside the platform; it counts once a unit admin verifies it. */
@Entity('external_activity')
@Index('IDX_external_activity_user', ['userId', 'createdAt'])
@Index('IDX_external_activity_review', ['status', 'regionCode'])
@Index('UQ_external_activity_dedupe', ['dedupeKey'], { unique: true })
export class ExternalActivity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'form_code', type: 'varchar', length: 40 })
  formCode: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  organiser: string;

  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  endDate: string;

  @Column({ type: 'int', nullable: true })
  days: number | null;

  @Column({ name: 'programme_jp_tenths', type: 'int', nullable: true })
  programmeJpTenths: number | null;

  @Column({ type: 'boolean', default: false })
  international: boolean;

  /** Computed from the conversion table when recorded. */
  @Column({ name: 'jp_tenths', type: 'int' })
  jpTenths: number;

  @Column({ name: 'competency_code', type: 'varchar', length: 20, nullable: true })
  competencyCode: string | null;

  @Column({ type: 'int', nullable: true })
  level: number | null;

  @Column({ name: 'evidence_key', type: 'varchar', length: 120 })
  evidenceKey: string;

  @Column({ name: 'evidence_mime', type: 'varchar', length: 100 })
  evidenceMime: string;

  @Column({ name: 'evidence_name', type: 'varchar', length: 200 })
  evidenceName: string;

  @Column({ type: 'varchar', length: 10 })
  status: ActivityStatus;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /**
   * The same activity of the same person (form, title, dates) while it is submitted or
   * verified: a second send of the form finds the first. Cleared on rejection, so that a
   * corrected activity can be sent again.
   */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 64, nullable: true })
  dedupeKey: string | null;
}
