/** The learner facts an audience is matched against. */
export interface AudienceMember {
  regionCode: string | null;
  unitId: string | null;
  positionId: string | null;
}

export interface AudienceRule {
  everyone: boolean;
  regions: readonly string[];
  unitIds: readonly string[];
  positionIds: readonly string[];
}

/** 12.71.08 → ['12', '12.71', '12.71.08']: a course for a region is for its whole subtree. */
export function regionAncestry(regionCode: string | null): string[] {
  if (!regionCode) return [];
  const parts = regionCode.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Whether a person belongs to a course's audience (any one match is enough). */
export function inAudience(rule: AudienceRule, member: AudienceMember): boolean {
  if (rule.everyone) return true;
  const ancestry = regionAncestry(member.regionCode);
  return (
    rule.regions.some((r) => ancestry.includes(r)) ||
    (member.unitId !== null && rule.unitIds.includes(member.unitId)) ||
    (member.positionId !== null && rule.positionIds.includes(member.positionId))
  );
}

/**
 * Whether a unit admin whose scope is a region subtree may offer the course there: it is
 * for everyone, or for a region that overlaps the subtree (above it or inside it).
 */
export function audienceReachesScope(rule: AudienceRule, scopeRegionCode: string): boolean {
  if (rule.everyone) return true;
  return rule.regions.some(
    (r) => r === scopeRegionCode || r.startsWith(`${scopeRegionCode}.`) || scopeRegionCode.startsWith(`${r}.`),
  );
}
