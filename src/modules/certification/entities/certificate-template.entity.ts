import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const TEMPLATE_STATUSES = ['draft', 'published', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** An issuing unit's certificate template; its content lives in versions. */
@Entity('certificate_template')
@Index('UQ_certificate_template_unit', ['unitId'], { unique: true })
export class CertificateTemplate {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

/**
 * One version of a template. A draft is edited and previewed; publishing freezes it and
 * retires the previous published one. Issued certificates point at the version they used.
 */
@Entity('certificate_template_version')
@Index('UQ_certificate_template_version', ['templateId', 'number'], { unique: true })
export class CertificateTemplateVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'template_id', type: 'varchar', length: 36 })
  templateId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 10 })
  status: TemplateStatus;

  /** heading, blocks, show, signatories (images are stored files, below). */
  @Column({ name: 'design_json', type: 'text' })
  designJson: string;

  @Column({ name: 'background_key', type: 'varchar', length: 120, nullable: true })
  backgroundKey: string | null;

  @Column({ name: 'logo_key', type: 'varchar', length: 120, nullable: true })
  logoKey: string | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}
