import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Platform tables (outbox, rate limits), organisation (regions, units, positions) and identity. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          column.id(),
          column.varchar('job_name', 100),
          column.varchar('job_id', 200),
          column.text('payload'),
          column.varchar('status', 10, { default: "'pending'" }),
          column.datetime('available_at'),
          column.int('attempts', { default: 0 }),
          column.varchar('claimed_by', 36, { isNullable: true }),
          column.datetime('claimed_until', true),
          column.varchar('last_error', 500, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_outbox_job_id', columnNames: ['job_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_outbox_due', columnNames: ['status', 'available_at'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'rate_limit_bucket',
        columns: [
          column.varchar('key', 128, { isPrimary: true }),
          column.int('count'),
          column.datetime('window_started_at'),
          column.datetime('blocked_until', true),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'region',
        columns: [
          column.varchar('code', 20, { isPrimary: true }),
          column.varchar('name', 150),
          column.varchar('level', 12),
          column.varchar('parent_code', 20, { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'IDX_region_parent', columnNames: ['parent_code'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'unit',
        columns: [
          column.id(),
          column.varchar('code', 40),
          column.varchar('name', 200),
          column.varchar('kind', 20),
          column.varchar('region_code', 20),
          column.datetime('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_unit_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_unit_region', columnNames: ['region_code'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'position',
        columns: [
          column.id(),
          column.varchar('code', 40),
          column.varchar('name', 200),
          column.varchar('kind', 20),
          column.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'UQ_position_code', columnNames: ['code'], isUnique: true })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'position_competency',
        columns: [
          column.varchar('position_id', 36, { isPrimary: true }),
          column.varchar('competency_code', 20, { isPrimary: true }),
          column.int('required_level'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'user_account',
        columns: [
          column.id(),
          column.varchar('nip', 18, { isNullable: true }),
          column.varchar('name', 150),
          column.varchar('email', 254, { isNullable: true }),
          column.varchar('phone', 20, { isNullable: true }),
          column.varchar('password_hash', 255, { isNullable: true }),
          column.varchar('role', 20),
          column.varchar('employee_type', 4, { isNullable: true }),
          column.varchar('golongan', 6, { isNullable: true }),
          column.ref('position_id', true),
          column.ref('unit_id', true),
          column.varchar('region_code', 20, { isNullable: true }),
          column.varchar('scope_region_code', 20, { isNullable: true }),
          column.ref('supervisor_id', true),
          column.varchar('locale', 2, { default: "'id'" }),
          column.bool('active', true),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_user_nip', columnNames: ['nip'], isUnique: true }),
          new TableIndex({ name: 'UQ_user_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'IDX_user_region', columnNames: ['region_code'] }),
          new TableIndex({ name: 'IDX_user_unit', columnNames: ['unit_id'] }),
          new TableIndex({ name: 'IDX_user_supervisor', columnNames: ['supervisor_id'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'user_import',
        columns: [
          column.id(),
          column.ref('created_by_id'),
          column.varchar('scope_region_code', 20, { isNullable: true }),
          column.varchar('file_name', 255),
          column.varchar('file_key', 255),
          column.varchar('format', 4),
          column.varchar('status', 10),
          column.int('total_rows', { default: 0 }),
          column.int('processed_rows', { default: 0 }),
          column.int('created_count', { default: 0 }),
          column.int('updated_count', { default: 0 }),
          column.int('unchanged_count', { default: 0 }),
          column.int('error_count', { default: 0 }),
          column.varchar('failure', 500, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_user_import_creator', columnNames: ['created_by_id', 'created_at'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'user_import_error',
        columns: [
          column.id(),
          column.ref('import_id'),
          column.int('line'),
          column.varchar('column', 40),
          column.varchar('reason', 300),
        ],
        indices: [new TableIndex({ name: 'IDX_user_import_error_import', columnNames: ['import_id', 'line'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'user_import_error',
      'user_import',
      'user_account',
      'position_competency',
      'position',
      'unit',
      'region',
      'rate_limit_bucket',
      'outbox_message',
    ]) {
      await q.dropTable(table);
    }
  }
}
