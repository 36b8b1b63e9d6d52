import { isSignedOut, MAX_SIGNED_OUT_TOKENS, parseSignedOut, withSignedOut } from './signed-out-tokens';

describe('signed-out tokens', () => {
  const hour = 3_600_000;

  it('refuses the signed-out token and no other', () => {
    const { list } = withSignedOut([], 1_000, 1_000 + 8 * hour, 2_000);
    const json = JSON.stringify(list);
    expect(isSignedOut(json, 1_000)).toBe(true);
    expect(isSignedOut(json, 1_001)).toBe(false);
    // A token without an issue time predates sign-out lists (they expired long ago).
    expect(isSignedOut(json, undefined)).toBe(false);
    expect(isSignedOut(null, 1_000)).toBe(false);
  });

  it('drops tokens that have expired, and keeps a token signed out twice once', () => {
    const first = withSignedOut([], 1_000, 1_000 + hour, 1_500).list;
    const second = withSignedOut(first, 5_000, 5_000 + 8 * hour, 2 * hour).list;
    expect(second).toEqual([[5_000, 5_000 + 8 * hour]]);
    expect(withSignedOut(second, 5_000, 5_000 + 8 * hour, 2 * hour).list).toEqual(second);
  });

  it('when full, lets the oldest go and refuses every token issued up to it instead', () => {
    let list = withSignedOut([], 1, 8 * hour, 0).list;
    for (let at = 2; at <= MAX_SIGNED_OUT_TOKENS; at++) list = withSignedOut(list, at, 8 * hour, 0).list;
    expect(list).toHaveLength(MAX_SIGNED_OUT_TOKENS);
    const full = withSignedOut(list, 100, 8 * hour, 0);
    expect(full.list).toHaveLength(MAX_SIGNED_OUT_TOKENS);
    expect(full.list[0][0]).toBe(2);
    expect(full.validFromMs).toBe(2);
  });

  it('reads a damaged list as empty rather than refusing everyone', () => {
    expect(parseSignedOut('not json')).toEqual([]);
    expect(parseSignedOut('[[1,2],["x",3],[4]]')).toEqual([[1, 2]]);
  });
});
