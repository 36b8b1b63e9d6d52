import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PILLARS = ['teknis', 'manajerial', 'sosial_kultural'] as const;
/** The three pillars of the ASN competency standard (PermenPANRB 38/2017). */
export type Pillar = (typeof PILLARS)[number];

/** A competency of the dictionary: M.01-M.08 and S.01 by regulation, technical ones per agency. */
@Entity('competency')
@Index('IDX_competency_pillar', ['pillar', 'code'])
export class Competency {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  pillar: Pillar;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'text' })
  definition: string;

  /** Technical competencies belong to the agency (unit) that defined them; null for M and S. */
  @Column({ name: 'owner_unit_id', type: 'varchar', length: 36, nullable: true })
  ownerUnitId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
