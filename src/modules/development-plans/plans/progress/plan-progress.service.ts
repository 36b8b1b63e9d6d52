import { Injectable } from '@nestjs/common';

/** Recomputes a person's open plans from their credits, evidence and post-tests. */
@Injectable()
export class PlanProgressService {
  // Built by the plans area: ticks activities, credits JP, raises goals' current levels.
  async refresh(_userId: string): Promise<void> {}
}
