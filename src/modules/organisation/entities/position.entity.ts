import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const POSITION_KINDS = ['structural', 'functional', 'executor'] as const;
/** Jabatan struktural (JPT/administrator/pengawas), fungsional, or pelaksana. */
export type PositionKind = (typeof POSITION_KINDS)[number];

@Entity('position')
export class Position {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_position_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: PositionKind;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
