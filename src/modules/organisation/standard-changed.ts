import { Injectable } from '@nestjs/common';
import { InTxListeners } from '../../../libs/queue';

/** A position's job standard (required competency levels) was replaced. */
export interface StandardChanged {
  positionId: string;
}

/** Modules that follow job standards (monitoring) register here through OrganisationApi. */
@Injectable()
export class StandardChangedSubscribers extends InTxListeners<StandardChanged> {}
