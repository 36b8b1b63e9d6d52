import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which competencies a complaint theme points at ("petugas tidak ramah" → M.05, M.03), as
 * an admin of a region set it. The mapping of the nearest region above a unit applies; a
 * national admin's (scope '') applies everywhere nobody nearer has set one.
 */
@Entity('needs_complaint_theme')
@Index('UQ_needs_complaint_theme', ['scopeKey', 'themeKey'], { unique: true })
export class ComplaintTheme {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The region code of the admin who set it, or '' for national. */
  @Column({ name: 'scope_key', type: 'varchar', length: 20 })
  scopeKey: string;

  @Column({ type: 'varchar', length: 120 })
  theme: string;

  @Column({ name: 'theme_key', type: 'varchar', length: 120 })
  themeKey: string;

  /** Competency codes, comma separated (at most a handful). */
  @Column({ name: 'competency_codes', type: 'varchar', length: 200 })
  competencyCodes: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
