/** Planned JP against the yearly target, both in tenths of a JP. */
export interface JpShortfall {
  plannedTenths: number;
  targetTenths: number;
  /** How many JP (tenths) are missing; 0 when the plan meets the target. */
  shortfallTenths: number;
  /** True when the plan falls short: a warning for the ASN, never a reason to refuse it. */
  short: boolean;
}

export function jpShortfall(plannedTenths: number, targetTenths: number): JpShortfall {
  const shortfallTenths = Math.max(0, targetTenths - Math.max(0, plannedTenths));
  return { plannedTenths, targetTenths, shortfallTenths, short: shortfallTenths > 0 };
}
