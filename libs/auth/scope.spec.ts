import { regionSubtreeCondition, regionWithin, scopeOf } from './scope';

describe('region scope', () => {
  it.each([
    ['12.71.08', '12.71', true],
    ['12.71', '12.71', true],
    ['12.71', '12', true],
    ['12.7', '12.71', false],
    ['12.710', '12.71', false],
    ['75.71', '36.74', false],
    [null, '36', false],
  ])('%s lies within %s: %s', (code, ancestor, expected) => {
    expect(regionWithin(code, ancestor)).toBe(expected);
  });

  it('builds a subtree condition that cannot match a sibling code sharing the prefix', () => {
    expect(regionSubtreeCondition('u.region_code', '12.71')).toEqual({
      sql: '(u.region_code = :scopeRegion OR u.region_code LIKE :scopeRegionPrefix)',
      params: { scopeRegion: '12.71', scopeRegionPrefix: '12.71.%' },
    });
  });

  it('gives national admins everything, unit admins their region, everyone else their own records', () => {
    const base = { id: 'u1', locale: 'id' as const, scopeRegionCode: null };
    expect(scopeOf({ ...base, role: 'national_admin' })).toEqual({ kind: 'national' });
    expect(scopeOf({ ...base, role: 'unit_admin', scopeRegionCode: '36.74' })).toEqual({
      kind: 'region',
      regionCode: '36.74',
    });
    expect(scopeOf({ ...base, role: 'unit_admin' })).toEqual({ kind: 'own', userId: 'u1' });
    expect(scopeOf({ ...base, role: 'instructor' })).toEqual({ kind: 'own', userId: 'u1' });
  });
});
