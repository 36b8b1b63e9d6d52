import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * One certificate as issued: what it says is frozen here (holder, course, JP, issuer), so a
 * later change of name or course never alters a certificate already printed. A re-issue is
 * a new row with the next generation; the unique key makes duplicate events issue nothing.
 */
@Entity('certificate')
@Index('UQ_certificate_issue', ['userId', 'versionId', 'generation'], { unique: true })
@Index('UQ_certificate_code', ['code'], { unique: true })
@Index('UQ_certificate_serial', ['serial'], { unique: true })
@Index('IDX_certificate_user', ['userId', 'issuedAt'])
@Index('IDX_certificate_course', ['courseId', 'regionCode'])
export class Certificate {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The public verification code: 144 random bits, base64url. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 80 })
  serial: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'enrolment_id', type: 'varchar', length: 36 })
  enrolmentId: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId: string;

  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId: string;

  /** 1 for the certificate the completion issued; each re-issue adds one. */
  @Column({ type: 'int' })
  generation: number;

  /** The holder's region when issued: what an admin's scope is checked against. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'issuer_unit_id', type: 'varchar', length: 36, nullable: true })
  issuerUnitId: string | null;

  @Column({ name: 'issuer_name', type: 'varchar', length: 200 })
  issuerName: string;

  /** The template version it was printed with; null for the built-in design. */
  @Column({ name: 'template_version_id', type: 'varchar', length: 36, nullable: true })
  templateVersionId: string | null;

  @Column({ name: 'holder_name', type: 'varchar', length: 150 })
  holderName: string;

  @Column({ name: 'holder_nip', type: 'varchar', length: 18, nullable: true })
  holderNip: string | null;

  @Column({ name: 'course_title', type: 'varchar', length: 200 })
  courseTitle: string;

  @Column({ name: 'jp_tenths', type: 'int' })
  jpTenths: number;

  /** [{code, name, level}] as printed. */
  @Column({ name: 'competencies_json', type: 'text' })
  competenciesJson: string;

  /** YYYY-MM-DD in WIB. */
  @Column({ name: 'completed_on', type: 'varchar', length: 10 })
  completedOn: string;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 8 })
  status: CertificateStatus;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 36, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 500, nullable: true })
  revocationReason: string | null;

  /** The certificate that replaced this one (re-issue). */
  @Column({ name: 'replaced_by_id', type: 'varchar', length: 36, nullable: true })
  replacedById: string | null;

  @Column({ name: 'pdf_key', type: 'varchar', length: 120 })
  pdfKey: string;

  /** The signed Open Badges 3.0 credential, as issued. */
  @Column({ name: 'credential_json', type: 'text' })
  credentialJson: string;
}
