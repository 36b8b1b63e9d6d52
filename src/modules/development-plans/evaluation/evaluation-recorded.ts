import { Injectable } from '@nestjs/common';
import { InTxListeners } from '../../../../libs/queue';

/** A unit's ('' = learners without one) evaluation results of a WIB year changed. */
export interface EvaluationPlace {
  unitKey: string;
  year: number;
}

/** Called inside the writer's transaction whenever an L1, L2 or L3 result is stored. */
@Injectable()
export class EvaluationRecorded extends InTxListeners<EvaluationPlace[]> {}
