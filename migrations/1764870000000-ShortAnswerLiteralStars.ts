import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows read per batch: snapshots can be large, so attempts come fewer at a time. */
const BATCHES = { questions: 500, attempts: 100 };
/** The stars the short-answer matcher sees after NFKC (full-width and small forms too). */
const STARS = new Set(['*', '\uff0a', '\ufe61']);

/**
 * Short answers took on Moodle's wildcard: an unescaped `*` in an accepted answer now matches any
 * text. Before, it was a plain character, so an answer typed as `5*3` or `A*B` meant those exact
 * texts (and `*` alone only a star). Every star is escaped as `\*` (a literal star), in the
 * bank's keys and in the keys frozen in every attempt, so that they score as they did: one to
 * grade is graded with its frozen key, and a graded one's review shows the answer as it was
 * graded (its marks are not touched). A backslash before a star was itself a plain character, so
 * `A\*B` becomes `A\\*B`, which still means the text `A\*B`. TypeORM runs a migration once.
 * Rows are read a batch at a time by primary key, on SQLite and MySQL alike; the revision of a
 * question is kept, as what it accepts is unchanged.
 */
export class ShortAnswerLiteralStars1764870000000 implements MigrationInterface {
  name = 'ShortAnswerLiteralStars1764870000000';

  /** TypeORM builds it without arguments; the tests give small batches to cross their edges. */
  constructor(private readonly batches = BATCHES) {}

  async up(q: QueryRunner): Promise<void> {
    await eachBatch(q, 'question', 'key_json', "type = 'short'", this.batches.questions, (json) => {
      const key = JSON.parse(json) as unknown;
      return escapeKey(key) ? JSON.stringify(key) : null;
    });
    await eachBatch(
      q,
      'quiz_attempt',
      'snapshot_json',
      `snapshot_json LIKE '%"short"%'`,
      this.batches.attempts,
      (json) => {
        const snapshot = JSON.parse(json) as unknown;
        if (!Array.isArray(snapshot)) return null;
        let changed = false;
        for (const question of snapshot) {
          if (question && typeof question === 'object' && escapeKey((question as { key?: unknown }).key))
            changed = true;
        }
        return changed ? JSON.stringify(snapshot) : null;
      },
    );
  }

  async down(): Promise<void> {
    // The escaped answers mean what the answers meant before the wildcard came: nothing to undo.
  }
}

/**
 * Calls `rewrite` on the JSON column of the rows matching `where` whose text holds a star, in
 * batches by primary key, and writes back what it returns (null: unchanged). No row is locked
 * (a locking read would hold every row the scan passes until the migration commits, stalling
 * an app still serving); each write is conditional on the text just read, so a row changed
 * meanwhile (an edit, a regrade) keeps that change instead of being overwritten.
 */
async function eachBatch(
  q: QueryRunner,
  table: string,
  column: string,
  where: string,
  batch: number,
  rewrite: (json: string) => string | null,
): Promise<void> {
  const starred = `(${[...STARS].map(() => `${column} LIKE ?`).join(' OR ')})`;
  const stars = [...STARS].map((s) => `%${s}%`);
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; body: string }> = await q.query(
      `SELECT id, ${column} AS body FROM ${table} WHERE id > ? AND ${where} AND ${starred} ` +
        `ORDER BY id LIMIT ${batch}`,
      [after, ...stars],
    );
    for (const row of rows) {
      const next = rewrite(row.body);
      if (next !== null)
        await q.query(`UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${column} = ?`, [next, row.id, row.body]);
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}

/** Escapes the stars of a short-answer key in place; true when it changed anything. */
function escapeKey(key: unknown): boolean {
  if (!key || typeof key !== 'object') return false;
  const short = key as { type?: unknown; answers?: unknown };
  if (short.type !== 'short' || !Array.isArray(short.answers)) return false;
  let changed = false;
  short.answers = short.answers.map((answer: unknown) => {
    if (typeof answer !== 'string') return answer;
    const escaped = escapeStars(answer);
    if (escaped !== answer) changed = true;
    return escaped;
  });
  return changed;
}

/** `5*3` → `5\*3`, `A\*B` → `A\\*B`: every star becomes a literal one. */
function escapeStars(answer: string): string {
  let out = '';
  for (const ch of answer) out += STARS.has(ch) ? `\\${ch}` : ch;
  return out;
}
