import { regionWithin } from '../../../../../libs/auth';

/** A theme's competencies as one admin set them ('' = national). */
export interface ThemeMapping {
  scopeKey: string;
  competencyCodes: string[];
}

/** Themes are compared by this key: trimmed, single spaces, lower case. */
export function themeKey(text: string): string {
  return tidyText(text).toLowerCase();
}

/** What people typed, trimmed and with single spaces (kept for display). */
export function tidyText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * The mapping that applies to a unit in this region: the one set nearest above it (the
 * longest region code containing it), else the national one, else none.
 */
export function mappingFor(regionCode: string | null, mappings: ThemeMapping[]): ThemeMapping | null {
  let best: ThemeMapping | null = null;
  for (const m of mappings) {
    const applies = m.scopeKey === '' || regionWithin(regionCode, m.scopeKey);
    if (applies && (!best || m.scopeKey.length > best.scopeKey.length)) best = m;
  }
  return best;
}

/** "M.05, m.03 ,M.05" → ['M.05', 'M.03'] (codes are stored upper case, once each, in order). */
export function parseCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}
