import { Period } from '../domain/survey-period';

/**
 * A CASE expression that names the period a timestamp column falls in (its position in
 * `periods`), so one GROUP BY query answers for every period at once.
 */
export function periodBucket(column: string, periods: Period[]): { sql: string; params: Record<string, Date> } {
  const params: Record<string, Date> = {};
  const whens = periods.map((p, i) => {
    params[`bucketFrom${i}`] = p.from;
    params[`bucketTo${i}`] = p.to;
    return `WHEN ${column} >= :bucketFrom${i} AND ${column} < :bucketTo${i} THEN ${i}`;
  });
  return { sql: `CASE ${whens.join(' ')} END`, params };
}
