import { parentRegionOf, pathOf } from './node-path';

describe('pathOf', () => {
  it.each([
    [null, null, [['', null, 'N']]],
    [
      '36',
      null,
      [
        ['', null, 'N'],
        ['36', '', 'R'],
      ],
    ],
    [
      '36.74',
      'u1',
      [
        ['', null, 'N'],
        ['36', '', 'R'],
        ['36.74', '36', 'R'],
        ['u1', '36.74', 'U'],
      ],
    ],
    [
      '12.71.01',
      null,
      [
        ['', null, 'N'],
        ['12', '', 'R'],
        ['12.71', '12', 'R'],
        ['12.71.01', '12.71', 'R'],
      ],
    ],
    [
      null,
      'u2',
      [
        ['', null, 'N'],
        ['u2', '', 'U'],
      ],
    ],
  ])('%s / %s', (region, unit, expected) => {
    expect(pathOf(region, unit).map((n) => [n.node, n.parent, n.nodeKind])).toEqual(expected);
  });
});

describe('parentRegionOf', () => {
  it.each([
    ['', null],
    ['36', ''],
    ['36.74', '36'],
    ['36.74.01', '36.74'],
  ])('%s → %s', (node, parent) => expect(parentRegionOf(node)).toBe(parent));
});
