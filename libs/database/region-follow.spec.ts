import { byRegion, changedRegions } from './region-follow';

describe('rows following their people to their region', () => {
  it('groups people by the region their records take, one update per region (no region included)', () => {
    const groups = byRegion([
      { userId: 'a', regionCode: '12.71' },
      { userId: 'b', regionCode: '36.74' },
      { userId: 'c', regionCode: '12.71' },
      { userId: 'd', regionCode: null },
    ]);
    expect([...groups]).toEqual([
      ['12.71', ['a', 'c']],
      ['36.74', ['b']],
      [null, ['d']],
    ]);
  });

  it('names once each person now elsewhere than written, and leaves people no longer found', () => {
    const now = new Map<string, string | null>([
      ['a', '12.71'],
      ['b', '36.74'],
      ['c', null],
    ]);
    const written = [
      { userId: 'a', regionCode: '36.74' },
      { userId: 'a', regionCode: '36.74' },
      { userId: 'b', regionCode: '36.74' },
      { userId: 'c', regionCode: '36.74' },
      { userId: 'gone', regionCode: '36.74' },
    ];
    expect(changedRegions(written, now)).toEqual(['a', 'c']);
  });
});
