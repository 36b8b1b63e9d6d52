/**
 * A LIKE condition for text typed by a user, with its wildcards taken literally.
 * '!' is the escape character because it means the same in MySQL and SQLite
 * (a backslash does not).
 */
export function likeContains(
  column: string,
  param: string,
  text: string,
): { sql: string; params: Record<string, string> } {
  const escaped = text.replace(/[!%_]/g, (c) => `!${c}`);
  return { sql: `${column} LIKE :${param} ESCAPE '!'`, params: { [param]: `%${escaped}%` } };
}
