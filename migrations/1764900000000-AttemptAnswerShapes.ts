import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { isMysqlFamily } from '../libs/database/dialect';
import { column } from '../libs/database/schema';

/**
 * quiz_attempt.shapes_json: what an answer to each of an attempt's frozen questions may be
 * (its type and the ids of its options, prompts, choices or items; no text), beside the
 * whole snapshot that the pages read. Every autosave and submit checked the answers against
 * the 7 KB snapshot, parsed whole: a tenth of a submit's CPU at an exam's end. Null on
 * attempts started before: their answers are checked against the snapshot, as they were.
 */
export class AttemptAnswerShapes1764900000000 implements MigrationInterface {
  name = 'AttemptAnswerShapes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    if (isMysqlFamily(q.connection)) {
      // MEDIUMTEXT, as the snapshot it is taken from (see LongTextColumns).
      await q.query('ALTER TABLE `quiz_attempt` ADD `shapes_json` MEDIUMTEXT NULL');
    } else {
      await q.addColumn('quiz_attempt', new TableColumn(column.text('shapes_json', true)));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('quiz_attempt', 'shapes_json');
  }
}
