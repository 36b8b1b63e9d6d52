import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One anonymous answer to a unit's public satisfaction survey (SKM). The device hash and
 * the period make "one response per device per period" a unique key, so a double submit
 * or a race stores one row.
 */
@Entity('ikm_response')
@Index('UQ_ikm_response_device', ['unitId', 'period', 'deviceHash'], { unique: true })
@Index('IDX_ikm_response_unit_time', ['unitId', 'submittedAt'])
@Index('IDX_ikm_response_region', ['regionCode', 'submittedAt'])
@Index('IDX_ikm_response_time', ['submittedAt'])
export class IkmResponse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  /** The unit's region when answered, so that a unit admin's scope filter needs no join. */
  @Column({ name: 'region_code', type: 'varchar', length: 20 })
  regionCode: string;

  /** The survey period at submission ("2026-S1"); reports bucket by submittedAt instead. */
  @Column({ type: 'varchar', length: 10 })
  period: string;

  /** HMAC of the device cookie with a server secret (the raw cookie is never stored). */
  @Column({ name: 'device_hash', type: 'varchar', length: 64 })
  deviceHash: string;

  @Column({ type: 'int' })
  u1: number;

  @Column({ type: 'int' })
  u2: number;

  @Column({ type: 'int' })
  u3: number;

  @Column({ type: 'int' })
  u4: number;

  @Column({ type: 'int' })
  u5: number;

  @Column({ type: 'int' })
  u6: number;

  @Column({ type: 'int' })
  u7: number;

  @Column({ type: 'int' })
  u8: number;

  @Column({ type: 'int' })
  u9: number;

  @Column({ name: 'age_band', type: 'varchar', length: 12, nullable: true })
  ageBand: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  sex: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  education: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  occupation: string | null;

  @Column({ type: 'text', nullable: true })
  suggestion: string | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;
}
