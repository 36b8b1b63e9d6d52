import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const UNIT_KINDS = ['training_unit', 'agency'] as const;
/** training_unit: BKPSDM/BPSDM (or LAN/BKN nationally); agency: an instansi or OPD whose ASN learn. */
export type UnitKind = (typeof UNIT_KINDS)[number];

@Entity('unit')
export class Unit {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: UnitKind;

  @Index('IDX_unit_region')
  @Column({ name: 'region_code', type: 'varchar', length: 20 })
  regionCode: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
