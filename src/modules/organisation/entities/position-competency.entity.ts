import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The job standard: the level (1-5) a position requires of a competency. The
 * competency is referred to by its dictionary code (M.01, S.01, T.xxx); the dictionary
 * itself belongs to the competencies module, which validates codes when it arrives.
 */
@Entity('position_competency')
export class PositionCompetency {
  @PrimaryColumn({ name: 'position_id', type: 'varchar', length: 36 })
  positionId: string;

  @PrimaryColumn({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  @Column({ name: 'required_level', type: 'int' })
  requiredLevel: number;
}
