import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Leaf of the JP rollups: one ASN's JP of a year, as last applied to the node rows. Every
 * ASN has a row for each rolled-up year (0 JP included), so population, buckets and the
 * list of people behind a number all read this table. Placed by region and unit at write time.
 */
@Entity('mon_jp_person')
@Index('IDX_mon_jp_person_unit', ['year', 'unitId', 'jpTenths'])
@Index('IDX_mon_jp_person_region', ['year', 'regionCode', 'jpTenths'])
@Index('IDX_mon_jp_person_user', ['userId'])
// The national people lists, in their order (JP, then user id, both descending).
@Index('IDX_mon_jp_person_jp', ['year', 'applied', 'jpTenths', 'userId'])
export class MonJpPerson {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** False for a placeholder taken as a lock before the first refresh: it counts nowhere. */
  @Column({ type: 'boolean', default: false })
  applied: boolean;

  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ name: 'employee_type', type: 'varchar', length: 4, default: '' })
  employeeType: string;

  /** '' when unknown (PPPK grades and PNS golongan alike). */
  @Column({ type: 'varchar', length: 6, default: '' })
  golongan: string;

  @Column({ name: 'jp_tenths', type: 'int', default: 0 })
  jpTenths: number;

  @Column({ name: 'target_jp', type: 'int', default: 0 })
  targetJp: number;

  /** Month (1-12, WIB) in which the JP reached the target; null while below it. */
  @Column({ name: 'attained_month', type: 'int', nullable: true })
  attainedMonth: number | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
