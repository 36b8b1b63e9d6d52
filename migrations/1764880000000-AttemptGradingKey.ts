import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { isMysqlFamily } from '../libs/database/dialect';
import { column } from '../libs/database/schema';

/**
 * quiz_attempt.key_json: what grading reads of an attempt's frozen questions (each slot's
 * points and key), beside the whole snapshot that the pages read. Grading an exam parsed
 * every 7 KB snapshot for its keys, a sixth of a grading job's CPU in the app. Null on
 * attempts started before: grading reads their snapshot, as it did.
 */
export class AttemptGradingKey1764880000000 implements MigrationInterface {
  name = 'AttemptGradingKey1764880000000';

  async up(q: QueryRunner): Promise<void> {
    if (isMysqlFamily(q.connection)) {
      // MEDIUMTEXT, as the snapshot it is taken from (see LongTextColumns).
      await q.query('ALTER TABLE `quiz_attempt` ADD `key_json` MEDIUMTEXT NULL');
    } else {
      await q.addColumn('quiz_attempt', new TableColumn(column.text('key_json', true)));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('quiz_attempt', 'key_json');
  }
}
