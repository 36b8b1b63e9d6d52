/**
 * "column lies in the region subtree of code" as an equality or a key range: 36.74 and
 * everything from "36.74." up to (not including) "36.74/" ('/' follows '.' in ASCII). Unlike
 * LIKE 'x.%', both halves are index ranges on SQLite and MySQL alike, so the agency view
 * and the sweep read the gap rows' covering index instead of scanning it.
 */
export function regionRangeCondition(
  column: string,
  regionCode: string,
  param = 'region',
): { sql: string; params: Record<string, string> } {
  return {
    sql: `(${column} = :${param} OR (${column} >= :${param}Low AND ${column} < :${param}High))`,
    params: { [param]: regionCode, [`${param}Low`]: `${regionCode}.`, [`${param}High`]: `${regionCode}/` },
  };
}

/** A region code and every code above it: 36.74.01 → 36, 36.74, 36.74.01. */
export function regionAndAncestors(regionCode: string): string[] {
  const parts = regionCode.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
