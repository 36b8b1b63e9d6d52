import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../libs/database/schema';

/** Minutes per JP (45, LAN) and the default yearly JP target of a PNS (20, PP 17/2020 Pasal 203(4)). */
export class LearningSettings1764000000000 implements MigrationInterface {
  name = 'LearningSettings1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'learning_setting',
        columns: [column.varchar('key', 40, { isPrimary: true }), column.varchar('value', 200)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'jp_target',
        columns: [
          column.varchar('employee_type', 4, { isPrimary: true }),
          column.int('year', { isPrimary: true }),
          column.int('target_jp'),
        ],
      }),
    );
    // `key` is a reserved word in MySQL; each dialect quotes it its own way.
    const key = q.connection.driver.escape('key');
    await q.query(`INSERT INTO learning_setting (${key}, value) VALUES (?, ?)`, ['minutes_per_jp', '45']);
    // PPPK get no default: PP 49/2018 caps their development at 24 JP a year rather than setting a target.
    await q.query('INSERT INTO jp_target (employee_type, year, target_jp) VALUES (?, ?, ?)', ['PNS', 0, 20]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('jp_target');
    await q.dropTable('learning_setting');
  }
}
