import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/**
 * external_activity.dedupe_key: a form sent twice (a double tap on a slow connection) was
 * stored twice, and verifying both credited its JP twice. Rows from before stay without a
 * key (null is never a duplicate).
 */
export class ExternalActivityDedupe1764830000000 implements MigrationInterface {
  name = 'ExternalActivityDedupe1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('external_activity', new TableColumn(column.varchar('dedupe_key', 64, { isNullable: true })));
    await q.createIndex(
      'external_activity',
      new TableIndex({ name: 'UQ_external_activity_dedupe', columnNames: ['dedupe_key'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('external_activity', 'UQ_external_activity_dedupe');
    await q.dropColumn('external_activity', 'dedupe_key');
  }
}
