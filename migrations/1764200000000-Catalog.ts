import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Courses, their versions, sections (modules), lessons, competencies, audience and instructors. */
export class Catalog1764200000000 implements MigrationInterface {
  name = 'Catalog1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'course',
        columns: [
          column.id(),
          column.varchar('status', 12),
          column.ref('owner_unit_id', true),
          column.ref('created_by'),
          column.ref('published_version_id', true),
          column.ref('draft_version_id', true),
          column.datetime('published_at', true),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_course_status', columnNames: ['status', 'published_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'course_version',
        columns: [
          column.id(),
          column.ref('course_id'),
          column.int('number'),
          column.varchar('status', 12),
          column.varchar('title', 200),
          column.text('summary'),
          column.varchar('cover_key', 120, { isNullable: true }),
          column.varchar('cover_mime', 100, { isNullable: true }),
          column.int('jp_tenths'),
          column.varchar('enrolment_mode', 12),
          column.bool('audience_everyone', true),
          column.bool('in_order', false),
          column.datetime('deadline', true),
          column.datetime('published_at', true),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_course_version_number', columnNames: ['course_id', 'number'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'course_section',
        columns: [
          column.id(),
          column.ref('version_id'),
          column.ref('section_key'),
          column.int('position'),
          column.varchar('title', 200),
        ],
        indices: [new TableIndex({ name: 'IDX_course_section_version', columnNames: ['version_id', 'position'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lesson',
        columns: [
          column.id(),
          column.ref('version_id'),
          column.ref('section_id'),
          column.ref('lesson_key'),
          column.int('position'),
          column.varchar('title', 200),
          column.varchar('kind', 10),
          column.bool('required', true),
          column.text('body_html', true),
          column.varchar('media_key', 120, { isNullable: true }),
          column.varchar('media_mime', 100, { isNullable: true }),
          column.varchar('media_name', 200, { isNullable: true }),
          column.int('media_size', { isNullable: true }),
          column.varchar('external_url', 500, { isNullable: true }),
          column.int('duration_minutes', { isNullable: true }),
          column.ref('quiz_id', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_lesson_version', columnNames: ['version_id', 'position'] }),
          new TableIndex({ name: 'IDX_lesson_kind', columnNames: ['kind', 'version_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'course_competency',
        columns: [
          column.varchar('version_id', 36, { isPrimary: true }),
          column.varchar('competency_code', 20, { isPrimary: true }),
          column.varchar('pillar', 16),
          column.int('level'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_course_competency_code', columnNames: ['competency_code', 'version_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'course_audience',
        columns: [
          column.varchar('version_id', 36, { isPrimary: true }),
          column.varchar('kind', 10, { isPrimary: true }),
          column.varchar('value', 36, { isPrimary: true }),
        ],
        indices: [new TableIndex({ name: 'IDX_course_audience_value', columnNames: ['kind', 'value'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'course_instructor',
        columns: [
          column.varchar('course_id', 36, { isPrimary: true }),
          column.varchar('user_id', 36, { isPrimary: true }),
          column.varchar('role', 8),
          column.datetime('added_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_course_instructor_user', columnNames: ['user_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'course_instructor',
      'course_audience',
      'course_competency',
      'lesson',
      'course_section',
      'course_version',
      'course',
    ]) {
      await q.dropTable(table);
    }
  }
}
