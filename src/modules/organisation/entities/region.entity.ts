import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const REGION_LEVELS = ['province', 'regency', 'city', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A node of the Kemendagri region tree; the code (e.g. 12.71) is the key and nests by prefix. */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  level: RegionLevel;

  @Index('IDX_region_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 20, nullable: true })
  parentCode: string | null;
}
