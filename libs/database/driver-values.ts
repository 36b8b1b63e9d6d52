/**
 * Values as the drivers exchange them when SQL is written by hand (multi-row inserts, raw
 * reads): the same forms TypeORM uses on SQLite and on MySQL (timezone 'Z').
 */

/**
 * Booleans as 1/0 and instants as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC; undefined as NULL. A
 * batch's rows share one instant: formatted once.
 */
export function sqlValues(): (value: unknown) => unknown {
  let instant: Date | null = null;
  let text = '';
  return (value) => {
    if (value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (!(value instanceof Date)) return value;
    if (value !== instant) [instant, text] = [value, value.toISOString().replace('T', ' ').slice(0, 23)];
    return text;
  };
}

/** A datetime column read raw: a Date from MySQL, 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) text from SQLite. */
export function instantFromDriver(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}
