import { Injectable } from '@nestjs/common';

/**
 * The signals the needs analysis weighs beside evidence: self-assessments and training
 * wishes from questionnaires, and public complaint themes mapped to competencies.
 */
@Injectable()
export class NeedsSignals {
  // Built by the needs-signals area.
  /** The latest self-assessed level per person and competency. */
  async selfAssessedLevels(_userIds: string[]): Promise<Map<string, Map<string, number>>> {
    return new Map();
  }

  /** Competencies each person asked to develop in a training-needs questionnaire. */
  async requestedCompetencies(_userIds: string[]): Promise<Map<string, Set<string>>> {
    return new Map();
  }

  /** Per unit: competencies whose mapped complaint themes are rising as of `asOf`. */
  async complaintPriorities(_unitIds: string[], _asOf: Date): Promise<Map<string, Set<string>>> {
    return new Map();
  }
}
