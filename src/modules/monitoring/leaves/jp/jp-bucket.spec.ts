import { JP_BUCKETS, jpBucketOf, metTarget } from './jp-bucket';

describe('jpBucketOf', () => {
  it.each([
    [0, 'jp_0'],
    [9, 'jp_0'], // 0.9 JP is 0 whole JP
    [10, 'jp_1_9'],
    [99, 'jp_1_9'], // 9.9 JP
    [100, 'jp_10_19'],
    [199, 'jp_10_19'],
    [200, 'jp_20_plus'],
    [4000, 'jp_20_plus'],
  ])('%i tenths → %s', (tenths, bucket) => expect(jpBucketOf(tenths)).toBe(bucket));

  it('agrees with the SQL expression on every boundary', () => {
    // The CASE in jpBucketSql, written out: the rebuild counts by it, the increments use jpBucketOf.
    const sql = (t: number) => (t < 10 ? 0 : t < 100 ? 1 : t < 200 ? 2 : 3);
    for (const t of [0, 1, 9, 10, 11, 99, 100, 101, 199, 200, 201, 1000]) {
      expect(JP_BUCKETS[sql(t)]).toBe(jpBucketOf(t));
    }
  });
});

describe('metTarget', () => {
  it.each([
    [null, false],
    [1, true],
    [12, true],
  ])('attained month %s → %s', (month, met) => expect(metTarget(month)).toBe(met));
});
