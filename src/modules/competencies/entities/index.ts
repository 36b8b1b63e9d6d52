import { Competency } from './competency.entity';
import { CompetencyLevel } from './competency-level.entity';

export { Competency, CompetencyLevel };
export const COMPETENCIES_ENTITIES = [Competency, CompetencyLevel];
