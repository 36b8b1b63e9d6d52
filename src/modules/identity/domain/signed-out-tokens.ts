/**
 * The tokens a person signed out of, kept on their account until the tokens expire: a copy
 * of a signed-out session cookie or bearer token (an office computer's browser, a proxy's
 * log) is refused, while the person's other sessions go on. A token is named by its issue
 * time in milliseconds, which it carries as `at`.
 *
 * Stored as JSON `[[issuedAtMs, expiresAtMs], ...]` on the account row, read with it on every
 * request: no second query, and no table to purge, since each sign-out drops the expired.
 */
export type SignedOutTokens = Array<[issuedAtMs: number, expiresAtMs: number]>;

/**
 * At most this many are kept (a person signing out 50 times within a token's life). Beyond
 * it the oldest go, and every token issued up to theirs is refused from then on instead.
 */
export const MAX_SIGNED_OUT_TOKENS = 50;

export function parseSignedOut(json: string | null): SignedOutTokens {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is [number, number] =>
            Array.isArray(e) && e.length === 2 && Number.isFinite(e[0]) && Number.isFinite(e[1]),
        )
      : [];
  } catch {
    return [];
  }
}

/**
 * The list once this token is signed out: the expired dropped, the token added once. When
 * the list is full, `validFromMs` is the issue time from which tokens still count.
 */
export function withSignedOut(
  list: SignedOutTokens,
  issuedAtMs: number,
  expiresAtMs: number,
  nowMs: number,
): { list: SignedOutTokens; validFromMs: number | null } {
  const live = list.filter(([at, expires]) => expires > nowMs && at !== issuedAtMs);
  live.push([issuedAtMs, expiresAtMs]);
  live.sort((a, b) => a[0] - b[0]);
  const dropped = live.splice(0, Math.max(0, live.length - MAX_SIGNED_OUT_TOKENS));
  return { list: live, validFromMs: dropped.length > 0 ? dropped[dropped.length - 1][0] + 1 : null };
}

export function isSignedOut(json: string | null, issuedAtMs: number | undefined): boolean {
  if (!json || issuedAtMs === undefined) return false;
  return parseSignedOut(json).some(([at]) => at === issuedAtMs);
}
