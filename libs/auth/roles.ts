export const ROLES = ['learner', 'supervisor', 'instructor', 'unit_admin', 'national_admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a signed-in caller is, as carried in the access token and checked on every request. */
export interface AuthUser {
  id: string;
  role: Role;
  /** Region whose subtree a unit admin may see; null for everyone else. */
  scopeRegionCode: string | null;
  locale: 'id' | 'en';
}
