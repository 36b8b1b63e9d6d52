/** The JP distribution buckets of the dashboards, by whole JP earned in the year. */
export const JP_BUCKETS = ['jp_0', 'jp_1_9', 'jp_10_19', 'jp_20_plus'] as const;
export type JpBucket = (typeof JP_BUCKETS)[number];

/** The bucket of a year's JP (tenths): whole JP = tenths / 10 rounded down, so 9.9 JP is '1-9'. */
export function jpBucketOf(jpTenths: number): JpBucket {
  const whole = Math.floor(jpTenths / 10);
  if (whole <= 0) return 'jp_0';
  if (whole <= 9) return 'jp_1_9';
  if (whole <= 19) return 'jp_10_19';
  return 'jp_20_plus';
}

/** The same buckets as a SQL expression over a column of tenths (0-3, the index in JP_BUCKETS). */
export function jpBucketSql(column: string): string {
  return `CASE WHEN ${column} < 10 THEN 0 WHEN ${column} < 100 THEN 1 WHEN ${column} < 200 THEN 2 ELSE 3 END`;
}

/**
 * Whether a person met their yearly target: learning gives the month the running total
 * reached it (January for a target of 0), null while below it or without a target. So
 * "met" and "attained in some month" are one fact, and the rebuild can group by it.
 */
export function metTarget(attainedMonth: number | null): boolean {
  return attainedMonth !== null;
}
