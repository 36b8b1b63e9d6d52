import { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../libs/database/dialect';

/** Rows read per batch: snapshots can be large, so attempts come fewer at a time. */
const BATCHES = { questions: 500, attempts: 100 };
/**
 * Attempts not graded yet: they will be graded with the key frozen in them. `failed` is a grading
 * that gave up and is graded again from the snapshot when replayed. Graded attempts (and those
 * awaiting an essay mark, whose other questions are scored) keep their snapshot: their marks are
 * final, and a regrade scores them with the bank's key, which is escaped here.
 */
const UNGRADED = ['in_progress', 'submitted', 'failed'];

/** The stars and backslashes the short-answer matcher sees after NFKC (full-width and small forms). */
const STARS = new Set(['*', '\uff0a', '\ufe61']);
const BACKSLASHES = new Set(['\\', '\uff3c', '\ufe68']);

/**
 * Short answers took on Moodle's wildcard: an unescaped `*` in an accepted answer now matches any
 * text. Before, it was a plain character, so an answer typed as `5*3` or `A*B` meant those exact
 * texts (and `*` alone only a star). Every such star is escaped as `\*` (a literal star), in the
 * bank's keys and in the keys frozen in attempts not graded yet, so that they score as they did.
 * A star already escaped is left alone, so running this again changes nothing. Rows are read a
 * batch at a time by primary key, on SQLite and MySQL alike; the revision of a question is kept,
 * as what it accepts is unchanged.
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
      `status IN (${UNGRADED.map((s) => `'${s}'`).join(', ')}) AND snapshot_json LIKE '%"short"%'`,
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
 * batches by primary key, and writes back what it returns (null: unchanged). On MySQL the rows
 * are read for update, so that an edit or a regrade at the same moment waits rather than being
 * overwritten or overwriting the escape; SQLite's writes already run one at a time.
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
  const lock = isMysqlFamily(q.connection) ? ' FOR UPDATE' : '';
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; body: string }> = await q.query(
      `SELECT id, ${column} AS body FROM ${table} WHERE id > ? AND ${where} AND ${starred} ` +
        `ORDER BY id LIMIT ${batch}${lock}`,
      [after, ...stars],
    );
    for (const row of rows) {
      const next = rewrite(row.body);
      if (next !== null) await q.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [next, row.id]);
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

/** `5*3` → `5\*3`; a star already escaped (`\*`) stays as it is, so escaping twice changes nothing. */
function escapeStars(answer: string): string {
  let out = '';
  let previous = '';
  for (const ch of answer) {
    if (STARS.has(ch) && !BACKSLASHES.has(previous)) out += '\\';
    out += ch;
    previous = ch;
  }
  return out;
}
