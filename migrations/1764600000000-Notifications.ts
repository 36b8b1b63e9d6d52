import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** In-app notifications, e-mail deliveries, preferences, quiet hours and failed addresses. */
export class Notifications1764600000000 implements MigrationInterface {
  name = 'Notifications1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          column.id(),
          column.varchar('event_key', 150),
          column.ref('recipient_id'),
          column.varchar('category', 40),
          column.text('params_json'),
          column.varchar('link', 300, { isNullable: true }),
          column.bool('urgent', false),
          column.varchar('email_status', 10, { default: "'pending'" }),
          column.varchar('digest_key', 40, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('read_at', true),
          column.datetime('emailed_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_notification_event_recipient',
            columnNames: ['event_key', 'recipient_id'],
            isUnique: true,
          }),
          // The unread badge on every page: a count over this index alone.
          new TableIndex({ name: 'IDX_notification_unread', columnNames: ['recipient_id', 'read_at'] }),
          new TableIndex({ name: 'IDX_notification_recipient_created', columnNames: ['recipient_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_notification_email', columnNames: ['email_status', 'recipient_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_delivery',
        columns: [
          column.id(),
          column.varchar('event_key', 150),
          column.ref('recipient_id'),
          column.varchar('channel', 10),
          column.varchar('message_id', 200),
          column.datetime('sent_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_notification_delivery',
            columnNames: ['event_key', 'recipient_id', 'channel'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_preference',
        columns: [
          column.varchar('user_id', 36, { isPrimary: true }),
          column.varchar('category', 40, { isPrimary: true }),
          column.varchar('channel', 10, { isPrimary: true }),
          column.varchar('mode', 10),
          column.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_setting',
        columns: [
          column.varchar('user_id', 36, { isPrimary: true }),
          column.int('quiet_start', { isNullable: true }),
          column.int('quiet_end', { isNullable: true }),
          column.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_address_failure',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.varchar('email', 254),
          column.varchar('region_code', 20, { isNullable: true }),
          column.int('smtp_code'),
          column.varchar('reason', 300),
          column.datetime('failed_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_address_failure_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'IDX_address_failure_region', columnNames: ['region_code'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notification_address_failure',
      'notification_setting',
      'notification_preference',
      'notification_delivery',
      'notification',
    ])
      await q.dropTable(table);
  }
}
