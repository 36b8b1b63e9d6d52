/**
 * A LIKE condition for text typed by a user, with its wildcards taken literally.
 * '!' is the escape character because it means the same in MySQL and SQLite
 * (a backslash does not).
 */
/** Text found in any of the columns: `(a LIKE ? OR b LIKE ?)` with one parameter per column. */
export function likeAny(
  columns: string[],
  param: string,
  text: string,
): { sql: string; params: Record<string, string> } {
  const parts = columns.map((column, i) => likeContains(column, `${param}${i}`, text));
  return {
    sql: `(${parts.map((p) => p.sql).join(' OR ')})`,
    params: Object.assign({}, ...parts.map((p) => p.params)),
  };
}

export function likeContains(
  column: string,
  param: string,
  text: string,
): { sql: string; params: Record<string, string> } {
  const escaped = text.replace(/[!%_]/g, (c) => `!${c}`);
  return { sql: `${column} LIKE :${param} ESCAPE '!'`, params: { [param]: `%${escaped}%` } };
}
