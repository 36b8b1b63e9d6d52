import { Competency } from './competency.entity';
import { CompetencyLevel } from './competency-level.entity';

export { Competency, CompetencyLevel };
export { PILLARS } from './competency.entity';
export type { Pillar } from './competency.entity';
export const COMPETENCIES_ENTITIES = [Competency, CompetencyLevel];
