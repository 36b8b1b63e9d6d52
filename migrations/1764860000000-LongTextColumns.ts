import { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../libs/database/dialect';

/** The columns declared with LongTextColumn, and whether each may be NULL. */
const LONG_TEXT: ReadonlyArray<[table: string, column: string, nullable: boolean]> = [
  ['quiz_attempt', 'snapshot_json', false],
  ['quiz_attempt', 'responses_json', false],
  ['quiz_attempt', 'marks_json', true],
  ['question', 'content_json', false],
  ['question', 'key_json', false],
  ['lesson', 'body_html', true],
  ['course_assignment', 'nips', true],
];

/**
 * MySQL's TEXT holds 65,535 bytes: a frozen quiz of 150 questions, a few long essays, a long
 * lesson or a list of thousands of NIPs did not fit, and on MySQL 8 (strict mode) starting
 * the quiz or saving answered 500. MEDIUMTEXT holds 16 MB. SQLite's TEXT has no limit.
 */
export class LongTextColumns1764860000000 implements MigrationInterface {
  name = 'LongTextColumns1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await this.retype(q, 'MEDIUMTEXT');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.retype(q, 'TEXT');
  }

  /** One ALTER per table (MySQL copies the table for each): quiz_attempt is copied once, not three times. */
  private async retype(q: QueryRunner, type: string): Promise<void> {
    if (!isMysqlFamily(q.connection)) return;
    for (const table of new Set(LONG_TEXT.map(([t]) => t))) {
      const columns = LONG_TEXT.filter(([t]) => t === table).map(
        ([, column, nullable]) => `MODIFY \`${column}\` ${type} ${nullable ? 'NULL' : 'NOT NULL'}`,
      );
      await q.query(`ALTER TABLE \`${table}\` ${columns.join(', ')}`);
    }
  }
}
