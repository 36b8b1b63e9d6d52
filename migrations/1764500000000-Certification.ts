import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Certificates, their audit, serial counters, templates per issuing unit and ZIP exports. */
export class Certification1764500000000 implements MigrationInterface {
  name = 'Certification1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'certificate',
        columns: [
          column.id(),
          column.varchar('code', 32),
          column.varchar('serial', 80),
          column.ref('user_id'),
          column.ref('enrolment_id'),
          column.ref('course_id'),
          column.ref('version_id'),
          column.int('generation'),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('issuer_unit_id', true),
          column.varchar('issuer_name', 200),
          column.ref('template_version_id', true),
          column.varchar('holder_name', 150),
          column.varchar('holder_nip', 18, { isNullable: true }),
          column.varchar('course_title', 200),
          column.int('jp_tenths'),
          column.text('competencies_json'),
          column.varchar('completed_on', 10),
          column.datetime('issued_at'),
          column.varchar('status', 8),
          column.datetime('revoked_at', true),
          column.ref('revoked_by', true),
          column.varchar('revocation_reason', 500, { isNullable: true }),
          column.ref('replaced_by_id', true),
          column.varchar('pdf_key', 120),
          column.text('credential_json'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_certificate_issue',
            columnNames: ['user_id', 'version_id', 'generation'],
            isUnique: true,
          }),
          new TableIndex({ name: 'UQ_certificate_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'UQ_certificate_serial', columnNames: ['serial'], isUnique: true }),
          new TableIndex({ name: 'IDX_certificate_user', columnNames: ['user_id', 'issued_at'] }),
          new TableIndex({ name: 'IDX_certificate_course', columnNames: ['course_id', 'region_code'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate_event',
        columns: [
          column.id(),
          column.ref('certificate_id'),
          column.varchar('action', 10),
          column.ref('actor_id', true),
          column.varchar('reason', 500, { isNullable: true }),
          column.datetime('at'),
        ],
        indices: [new TableIndex({ name: 'IDX_certificate_event_certificate', columnNames: ['certificate_id', 'at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate_serial',
        columns: [{ ...column.varchar('serial_key', 60), isPrimary: true }, column.int('last_number')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate_template',
        columns: [column.id(), column.ref('unit_id'), column.datetime('created_at')],
        indices: [new TableIndex({ name: 'UQ_certificate_template_unit', columnNames: ['unit_id'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate_template_version',
        columns: [
          column.id(),
          column.ref('template_id'),
          column.int('number'),
          column.varchar('status', 10),
          column.text('design_json'),
          column.varchar('background_key', 120, { isNullable: true }),
          column.varchar('logo_key', 120, { isNullable: true }),
          column.ref('updated_by'),
          column.datetime('created_at'),
          column.datetime('updated_at'),
          column.datetime('published_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_certificate_template_version',
            columnNames: ['template_id', 'number'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate_export',
        columns: [
          column.id(),
          column.ref('course_id'),
          column.ref('requested_by'),
          column.varchar('status', 8),
          column.int('total'),
          column.int('done_count'),
          column.varchar('file_key', 120, { isNullable: true }),
          column.varchar('error', 500, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
          column.datetime('expires_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_certificate_export_requester', columnNames: ['requested_by', 'created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'certificate_export',
      'certificate_template_version',
      'certificate_template',
      'certificate_serial',
      'certificate_event',
      'certificate',
    ]) {
      await q.dropTable(table);
    }
  }
}
