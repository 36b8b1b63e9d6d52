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

const yearFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' });

/** The calendar year in WIB (a result at 23:30 WIB on 31 December counts for that year). */
export function wibYearOf(moment: Date): number {
  return Number(yearFormat.format(moment));
}
