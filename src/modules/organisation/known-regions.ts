/** How long a region read from the database is answered from memory. */
const KEEP_MS = 10 * 60_000;
const MAX_REGIONS = 20_000;

/**
 * Regions are Kemendagri reference rows: loaded (insert-only, `ensureRegions`) and never
 * changed by the application. Every dashboard request names one, so the ones found are kept
 * in memory for a while rather than read again each time (a findOneBy cost more than the
 * rest of a cached province overview). Misses are never kept: a region loaded by another
 * process is found on the next request.
 */
export class KnownRegions<R extends { code: string }> {
  private readonly found = new Map<string, { region: R; until: number }>();

  constructor(private readonly now: () => number) {}

  /** The regions of these codes, reading only the ones not in memory (unknown codes are left out). */
  async byCodes(codes: string[], read: (missing: string[]) => Promise<R[]>): Promise<R[]> {
    const now = this.now();
    const out: R[] = [];
    const missing: string[] = [];
    for (const code of new Set(codes)) {
      const hit = this.found.get(code);
      if (hit && hit.until > now) out.push(hit.region);
      else missing.push(code);
    }
    if (missing.length === 0) return out;
    for (const region of await read(missing)) {
      if (this.found.size >= MAX_REGIONS) this.found.clear();
      this.found.set(region.code, { region, until: now + KEEP_MS });
      out.push(region);
    }
    return out;
  }
}
