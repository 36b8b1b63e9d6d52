import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

const WIB_OFFSET_MS = 7 * 3_600_000;

/**
 * What monitoring sums per unit and year, put on the evaluation rows when they are written:
 * the learner's unit and the WIB year of the answer on L1 questionnaires and L3 follow-ups,
 * and the L2 gains per learner and course (learning_gain), each with a (unit, year) index.
 */
export class MonitoringSources1764770000000 implements MigrationInterface {
  name = 'MonitoringSources1764770000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, learner] of [
      ['course_evaluation', 'user_id'],
      ['follow_up_survey', 'learner_id'],
    ] as const) {
      await q.addColumns(table, [
        new TableColumn(column.ref('unit_id', true)),
        new TableColumn(column.int('answer_year', { isNullable: true })),
      ]);
      await q.query(
        `UPDATE ${table} SET unit_id = (SELECT u.unit_id FROM user_account u WHERE u.id = ${table}.${learner})`,
      );
      // The WIB year of answers given before this migration, computed here so it is the same on every database.
      const answered: Array<{ id: string; answered_at: string | Date }> = await q.query(
        `SELECT id, answered_at FROM ${table} WHERE answered_at IS NOT NULL`,
      );
      for (const row of answered) {
        const at =
          row.answered_at instanceof Date ? row.answered_at : new Date(`${row.answered_at.replace(' ', 'T')}Z`);
        const year = new Date(at.getTime() + WIB_OFFSET_MS).getUTCFullYear();
        await q.query(`UPDATE ${table} SET answer_year = ? WHERE id = ?`, [year, row.id]);
      }
      await q.createIndex(
        table,
        new TableIndex({ name: `IDX_${table}_unit_year`, columnNames: ['unit_id', 'answer_year'] }),
      );
    }
    await q.createTable(
      new Table({
        name: 'learning_gain',
        columns: [
          column.varchar('course_id', 36, { isPrimary: true }),
          column.varchar('user_id', 36, { isPrimary: true }),
          column.ref('unit_id', true),
          column.int('year'),
          column.int('pre_hundredths'),
          column.int('post_hundredths'),
          column.int('gain_hundredths'),
          column.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_learning_gain_unit_year', columnNames: ['unit_id', 'year'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('learning_gain');
    for (const table of ['course_evaluation', 'follow_up_survey']) {
      await q.dropIndex(table, `IDX_${table}_unit_year`);
      await q.dropColumn(table, 'answer_year');
      await q.dropColumn(table, 'unit_id');
    }
  }
}
