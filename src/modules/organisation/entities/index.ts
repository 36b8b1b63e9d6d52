import { Position } from './position.entity';
import { PositionCompetency } from './position-competency.entity';
import { Region } from './region.entity';
import { Unit } from './unit.entity';

export { Position, PositionCompetency, Region, Unit };
export const ORGANISATION_ENTITIES = [Region, Unit, Position, PositionCompetency];
