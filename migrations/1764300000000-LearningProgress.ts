import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Enrolments, lesson progress, the JP ledger, competency evidence, assignments and external activities. */
export class LearningProgress1764300000000 implements MigrationInterface {
  name = 'LearningProgress1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'enrolment',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.ref('course_id'),
          column.ref('version_id'),
          column.varchar('region_code', 20, { isNullable: true }),
          column.varchar('status', 10),
          column.varchar('source', 10),
          column.ref('assignment_id', true),
          column.datetime('deadline', true),
          column.ref('last_lesson_id', true),
          column.datetime('enrolled_at'),
          column.datetime('completed_at', true),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_enrolment_user_course', columnNames: ['user_id', 'course_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_enrolment_user_status', columnNames: ['user_id', 'status'] }),
          new TableIndex({ name: 'IDX_enrolment_course_status', columnNames: ['course_id', 'status'] }),
          new TableIndex({ name: 'IDX_enrolment_region', columnNames: ['region_code', 'status'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lesson_progress',
        columns: [
          column.varchar('user_id', 36, { isPrimary: true }),
          column.varchar('version_id', 36, { isPrimary: true }),
          column.varchar('lesson_id', 36, { isPrimary: true }),
          column.int('position_seconds', { default: 0 }),
          column.datetime('completed_at', true),
          column.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'jp_ledger_entry',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.int('year'),
          column.int('jp_tenths'),
          column.varchar('source', 10),
          column.ref('source_id'),
          column.varchar('title', 200),
          column.datetime('earned_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_jp_ledger_source',
            columnNames: ['user_id', 'source', 'source_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_jp_ledger_user_year', columnNames: ['user_id', 'year'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'competency_evidence',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.varchar('competency_code', 20),
          column.int('level'),
          column.varchar('source', 10),
          column.ref('source_id'),
          column.datetime('earned_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_competency_evidence_source',
            columnNames: ['user_id', 'competency_code', 'source', 'source_id'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'course_assignment',
        columns: [
          column.id(),
          column.ref('course_id'),
          column.ref('created_by'),
          column.varchar('scope_region_code', 20, { isNullable: true }),
          column.text('filter_json', true),
          column.text('nips', true),
          column.datetime('deadline', true),
          column.varchar('status', 8),
          column.int('enrolled', { default: 0 }),
          column.int('already_enrolled', { default: 0 }),
          column.int('out_of_scope', { default: 0 }),
          column.int('not_found', { default: 0 }),
          column.varchar('cursor', 36, { isNullable: true }),
          column.varchar('error', 300, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_course_assignment_scope', columnNames: ['scope_region_code', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'external_activity',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.varchar('region_code', 20, { isNullable: true }),
          column.varchar('form_code', 40),
          column.varchar('title', 200),
          column.varchar('organiser', 200),
          column.varchar('start_date', 10),
          column.varchar('end_date', 10),
          column.int('days', { isNullable: true }),
          column.int('programme_jp_tenths', { isNullable: true }),
          column.bool('international', false),
          column.int('jp_tenths'),
          column.varchar('competency_code', 20, { isNullable: true }),
          column.int('level', { isNullable: true }),
          column.varchar('evidence_key', 120),
          column.varchar('evidence_mime', 100),
          column.varchar('evidence_name', 200),
          column.varchar('status', 10),
          column.ref('reviewed_by', true),
          column.datetime('reviewed_at', true),
          column.varchar('rejection_reason', 500, { isNullable: true }),
          column.datetime('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_external_activity_user', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_external_activity_review', columnNames: ['status', 'region_code'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'external_activity',
      'course_assignment',
      'competency_evidence',
      'jp_ledger_entry',
      'lesson_progress',
      'enrolment',
    ]) {
      await q.dropTable(table);
    }
  }
}
