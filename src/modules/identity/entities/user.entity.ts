import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '../../../../libs/auth';
import type { EmployeeType } from '../domain/golongan';

/** A person who signs in: an ASN (with NIP) or a staff account of a training unit. */
@Entity('user_account')
@Index('IDX_user_region', ['regionCode'])
@Index('IDX_user_unit', ['unitId'])
@Index('IDX_user_supervisor', ['supervisorId'])
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_user_nip', { unique: true })
  @Column({ type: 'varchar', length: 18, nullable: true })
  nip: string | null;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  /** Stored lower-case. */
  @Index('UQ_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** argon2id; null until the person sets a password (imported accounts). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'employee_type', type: 'varchar', length: 4, nullable: true })
  employeeType: EmployeeType | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  golongan: string | null;

  @Column({ name: 'position_id', type: 'varchar', length: 36, nullable: true })
  positionId: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  /** The region of the person's unit, copied here so that scope filters need no join. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  /** For unit admins: the root of the region subtree they manage. */
  @Column({ name: 'scope_region_code', type: 'varchar', length: 20, nullable: true })
  scopeRegionCode: string | null;

  @Column({ name: 'supervisor_id', type: 'varchar', length: 36, nullable: true })
  supervisorId: string | null;

  @Column({ type: 'varchar', length: 2, default: 'id' })
  locale: 'id' | 'en';

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Tokens issued before this are refused (set when the password changes); null: none is. */
  @Column({ name: 'sessions_valid_from', type: 'datetime', precision: 3, nullable: true })
  sessionsValidFrom: Date | null;

  /** The unexpired tokens the person signed out of, refused (domain/signed-out-tokens.ts); null: none. */
  @Column({ name: 'signed_out_tokens', type: 'text', nullable: true })
  signedOutTokens: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
