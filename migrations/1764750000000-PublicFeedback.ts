import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Development plans, area "public-feedback": the public satisfaction survey (SKM/IKM) and its settings. */
export class PublicFeedback1764750000000 implements MigrationInterface {
  name = 'PublicFeedback1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'ikm_response',
        columns: [
          column.id(),
          column.ref('unit_id'),
          column.varchar('region_code', 20),
          column.varchar('period', 10),
          column.varchar('device_hash', 64),
          ...['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((name) => column.int(name)),
          column.varchar('age_band', 12, { isNullable: true }),
          column.varchar('sex', 8, { isNullable: true }),
          column.varchar('education', 10, { isNullable: true }),
          column.varchar('occupation', 12, { isNullable: true }),
          column.text('suggestion', true),
          column.datetime('submitted_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_ikm_response_device',
            columnNames: ['unit_id', 'period', 'device_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_ikm_response_unit_time', columnNames: ['unit_id', 'submitted_at'] }),
          new TableIndex({ name: 'IDX_ikm_response_region', columnNames: ['region_code', 'submitted_at'] }),
          // The national admin's list of this period's units reads by time alone.
          new TableIndex({ name: 'IDX_ikm_response_time', columnNames: ['submitted_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ikm_setting',
        columns: [column.varchar('key', 40, { isPrimary: true }), column.varchar('value', 200)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('ikm_setting');
    await q.dropTable('ikm_response');
  }
}
