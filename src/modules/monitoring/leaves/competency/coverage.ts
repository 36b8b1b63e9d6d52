/** Required and reached level per competency: JSON {"M.01": [required, reached]} in the leaf. */
export type CompetencyLevels = Record<string, [number, number]>;

/**
 * A person against their position's standard: for each competency it requires, the required
 * level and the best level their evidence shows (0 without any). Keys are sorted so that the
 * same coverage always serialises to the same text (the rebuild groups by it).
 */
export function coverageOf(
  standard: ReadonlyArray<{ competencyCode: string; requiredLevel: number }>,
  evidence: ReadonlyArray<{ competencyCode: string; level: number }>,
): CompetencyLevels {
  const best = new Map<string, number>();
  for (const e of evidence) best.set(e.competencyCode, Math.max(best.get(e.competencyCode) ?? 0, e.level));
  const levels: CompetencyLevels = {};
  for (const s of [...standard].sort((a, b) => (a.competencyCode < b.competencyCode ? -1 : 1))) {
    const required = Math.max(levels[s.competencyCode]?.[0] ?? 0, s.requiredLevel);
    levels[s.competencyCode] = [required, best.get(s.competencyCode) ?? 0];
  }
  return levels;
}

/** Whether the reached level meets the required one. */
export function isMet([required, reached]: [number, number]): boolean {
  return reached >= required;
}

export function countMet(levels: CompetencyLevels): number {
  return Object.values(levels).filter(isMet).length;
}
