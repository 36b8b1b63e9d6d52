import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Development plans, area "mentoring": pairings of a mentor and a mentee, and their sessions. */
export class Mentoring1764730000000 implements MigrationInterface {
  name = 'Mentoring1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'mentoring_pairing',
        columns: [
          column.id(),
          column.ref('mentor_id'),
          column.ref('mentee_id'),
          column.varchar('competency_code', 20),
          column.varchar('region_code', 20, { isNullable: true }),
          column.varchar('status', 10),
          column.varchar('active_key', 100, { isNullable: true }),
          column.int('achieved_level', { isNullable: true }),
          column.ref('created_by'),
          column.datetime('started_at'),
          column.ref('ended_by', true),
          column.datetime('ended_at', true),
          column.varchar('end_note', 500, { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_mentoring_pairing_active', columnNames: ['active_key'], isUnique: true }),
          new TableIndex({ name: 'IDX_mentoring_pairing_mentor', columnNames: ['mentor_id', 'status'] }),
          new TableIndex({ name: 'IDX_mentoring_pairing_mentee', columnNames: ['mentee_id', 'status'] }),
          new TableIndex({ name: 'IDX_mentoring_pairing_region', columnNames: ['region_code', 'status'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mentoring_session',
        columns: [
          column.id(),
          column.ref('pairing_id'),
          column.ref('logged_by'),
          column.varchar('held_on', 10),
          column.varchar('topic', 200),
          column.int('minutes'),
          column.varchar('notes', 2000, { isNullable: true }),
          column.varchar('status', 10),
          column.int('jp_tenths', { default: 0 }),
          column.ref('answered_by', true),
          column.datetime('answered_at', true),
          column.varchar('dispute_reason', 500, { isNullable: true }),
          column.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_mentoring_session_pairing', columnNames: ['pairing_id', 'held_on'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['mentoring_session', 'mentoring_pairing']) await q.dropTable(table);
  }
}
