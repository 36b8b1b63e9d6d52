import { AuthUser } from './roles';

/**
 * What part of the data a caller may see. Services take a scope, never a role, so that
 * "may this person see that record" is answered in one place.
 */
export type AccessScope =
  { kind: 'national' } | { kind: 'region'; regionCode: string } | { kind: 'own'; userId: string };

export function scopeOf(user: AuthUser): AccessScope {
  if (user.role === 'national_admin') return { kind: 'national' };
  if (user.role === 'unit_admin' && user.scopeRegionCode) return { kind: 'region', regionCode: user.scopeRegionCode };
  return { kind: 'own', userId: user.id };
}

/** Kemendagri codes nest by prefix: 12.71.xx lies inside 12.71, which lies inside 12. */
export function regionWithin(regionCode: string | null | undefined, ancestorCode: string): boolean {
  if (!regionCode) return false;
  return regionCode === ancestorCode || regionCode.startsWith(`${ancestorCode}.`);
}

/** SQL condition for "column lies in the subtree of code", with its parameters. */
export function regionSubtreeCondition(
  column: string,
  regionCode: string,
  param = 'scopeRegion',
): { sql: string; params: Record<string, string> } {
  return {
    sql: `(${column} = :${param} OR ${column} LIKE :${param}Prefix)`,
    params: { [param]: regionCode, [`${param}Prefix`]: `${regionCode}.%` },
  };
}
