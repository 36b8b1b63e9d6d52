import { audienceReachesScope, AudienceRule, inAudience, regionAncestry } from './audience';

const rule = (over: Partial<AudienceRule>): AudienceRule => ({
  everyone: false,
  regions: [],
  unitIds: [],
  positionIds: [],
  ...over,
});
const belawan = { regionCode: '12.71.08', unitId: 'unit-belawan', positionId: 'pos-analis' };

describe('course audience', () => {
  it('expands a region code into its ancestry', () => {
    expect(regionAncestry('12.71.08')).toEqual(['12', '12.71', '12.71.08']);
    expect(regionAncestry(null)).toEqual([]);
  });

  it.each([
    ['everyone', rule({ everyone: true }), true],
    ['the province', rule({ regions: ['12'] }), true],
    ['the city', rule({ regions: ['12.71'] }), true],
    ['another city', rule({ regions: ['36.74'] }), false],
    ['a region whose code merely starts alike', rule({ regions: ['12.7'] }), false],
    ['the unit', rule({ unitIds: ['unit-belawan'] }), true],
    ['another unit', rule({ unitIds: ['unit-tangsel'] }), false],
    ['the position', rule({ positionIds: ['pos-analis'] }), true],
    ['nobody', rule({}), false],
  ])('a course for %s includes an ASN of Medan Belawan: %p', (_, r, expected) => {
    expect(inAudience(r, belawan)).toBe(expected);
  });

  it.each([
    [rule({ everyone: true }), '36.74', true],
    [rule({ regions: ['36'] }), '36.74', true],
    [rule({ regions: ['36.74'] }), '36', true],
    [rule({ regions: ['75.71'] }), '36.74', false],
    [rule({ unitIds: ['x'] }), '36.74', false],
  ])('%j reaches a unit admin of %s: %p', (r, scope, expected) => {
    expect(audienceReachesScope(r, scope)).toBe(expected);
  });
});
