import { MentoringPairing } from './mentoring-pairing.entity';
import { MentoringSession } from './mentoring-session.entity';

export * from './mentoring-pairing.entity';
export * from './mentoring-session.entity';
export const MENTORING_ENTITIES = [MentoringPairing, MentoringSession];
