import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Needs signals: questionnaires (sent, answered) and public complaint counts with their theme mappings. */
export class NeedsSignals1764710000000 implements MigrationInterface {
  name = 'NeedsSignals1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'needs_questionnaire',
        columns: [
          column.id(),
          column.varchar('title', 200),
          column.varchar('kind', 16),
          column.int('max_choices', { default: 3 }),
          column.varchar('due_on', 10, { isNullable: true }),
          column.varchar('scope_region_code', 20, { isNullable: true }),
          column.text('filter_json'),
          column.varchar('status', 10),
          column.varchar('cursor', 36, { isNullable: true }),
          column.varchar('error', 300, { isNullable: true }),
          column.ref('created_by'),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_needs_questionnaire_scope', columnNames: ['scope_region_code', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'needs_questionnaire_recipient',
        columns: [
          column.id(),
          column.ref('questionnaire_id'),
          column.ref('user_id'),
          column.ref('position_id', true),
          column.varchar('region_code', 20, { isNullable: true }),
          column.varchar('note', 1000, { isNullable: true }),
          column.datetime('answered_at', true),
          column.datetime('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_needs_questionnaire_recipient',
            columnNames: ['questionnaire_id', 'user_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_needs_questionnaire_recipient_user', columnNames: ['user_id', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'needs_questionnaire_answer',
        columns: [
          column.id(),
          column.ref('questionnaire_id'),
          column.ref('user_id'),
          column.varchar('kind', 16),
          column.varchar('competency_code', 20),
          column.int('level', { isNullable: true }),
          column.int('choice_rank', { isNullable: true }),
          column.datetime('answered_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_needs_questionnaire_answer',
            columnNames: ['questionnaire_id', 'user_id', 'competency_code'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_needs_questionnaire_answer_user',
            columnNames: ['user_id', 'kind', 'answered_at'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'needs_complaint_count',
        columns: [
          column.id(),
          column.ref('unit_id'),
          column.varchar('region_code', 20, { isNullable: true }),
          column.varchar('service_area', 100),
          column.varchar('area_key', 100),
          column.varchar('theme', 120),
          column.varchar('theme_key', 120),
          column.varchar('period_ym', 7),
          column.int('complaints'),
          column.ref('recorded_by'),
          column.datetime('recorded_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_needs_complaint_count_series',
            columnNames: ['unit_id', 'area_key', 'theme_key', 'period_ym'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_needs_complaint_count_region', columnNames: ['region_code', 'period_ym'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'needs_complaint_theme',
        columns: [
          column.id(),
          column.varchar('scope_key', 20),
          column.varchar('theme', 120),
          column.varchar('theme_key', 120),
          column.varchar('competency_codes', 200),
          column.ref('updated_by'),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_needs_complaint_theme', columnNames: ['scope_key', 'theme_key'], isUnique: true }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'needs_complaint_theme',
      'needs_complaint_count',
      'needs_questionnaire_answer',
      'needs_questionnaire_recipient',
      'needs_questionnaire',
    ])
      await q.dropTable(table);
  }
}
