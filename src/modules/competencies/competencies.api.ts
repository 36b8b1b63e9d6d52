import { Injectable } from '@nestjs/common';
import { CompetenciesService } from './competencies.service';

/** What other modules may ask of the competency dictionary. */
@Injectable()
export class CompetenciesApi {
  constructor(private readonly competencies: CompetenciesService) {}

  unknownCodes(codes: string[]): Promise<string[]> {
    return this.competencies.unknownCodes(codes);
  }
}
