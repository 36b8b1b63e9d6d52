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

  /** Every competency, retired ones too: for showing names. */
  all(): Promise<CompetencySummary[]> {
    return this.competencies.allSummaries();
  }

  /** For a picker: the active competencies, plus those already chosen in the form it shows. */
  offered(chosen: Array<string | undefined | null> = []): Promise<CompetencySummary[]> {
    return this.competencies.offeredSummaries(chosen.filter((c): c is string => !!c));
  }

  /** Code, name and pillar of each known code (unknown ones are left out). */
  summaries(codes: string[]): Promise<CompetencySummary[]> {
    return this.competencies.summaries(codes);
  }
}
