import { Injectable } from '@nestjs/common';
import { InTxListeners } from '../../../../libs/queue';

/** A plan whose status (or year, region, unit) may have changed. */
export interface PlanChanged {
  planId: string;
}

/** Called inside the writer's transaction on every plan creation and status write. */
@Injectable()
export class PlanChanges extends InTxListeners<PlanChanged> {}
