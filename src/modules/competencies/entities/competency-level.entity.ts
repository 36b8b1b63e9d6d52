import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the five levels of a competency, with its description and behaviour indicators. */
@Entity('competency_level')
export class CompetencyLevel {
  @PrimaryColumn({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  @PrimaryColumn({ type: 'int' })
  level: number;

  @Column({ type: 'text' })
  description: string;

  /** Behaviour indicators, one per line. */
  @Column({ type: 'text' })
  indicators: string;
}
