import { Injectable } from '@nestjs/common';
import { CompetenciesService, CompetencySummary } from './competencies.service';

export type { Pillar } from './entities';
export { PILLARS } from './entities';
export type { CompetencySummary } from './competencies.service';

/** What other modules may ask of the competency dictionary. */
@Injectable()
export class CompetenciesApi {
  constructor(private readonly competencies: CompetenciesService) {}

  unknownCodes(codes: string[]): Promise<string[]> {
    return this.competencies.unknownCodes(codes);
  }

  all(): Promise<CompetencySummary[]> {
    return this.competencies.allSummaries();
  }

  /** Code, name and pillar of each known code (unknown ones are left out). */
  summaries(codes: string[]): Promise<CompetencySummary[]> {
    return this.competencies.summaries(codes);
  }
}
