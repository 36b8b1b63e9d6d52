import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

const nodeColumns = (): TableColumnOptions[] => [
  column.varchar('node', 36, { isPrimary: true }),
  column.varchar('parent', 20, { isNullable: true }),
  column.varchar('node_kind', 1),
];
const counter = (name: string): TableColumnOptions => column.int(name, { default: 0 });
const updatedAt = () => column.datetime('updated_at');
const applied = () => column.bool('applied', false);

/**
 * Monitoring: leaf tables (one row per thing that counts, as last applied), node tables (sums
 * per node of the region/unit tree, read by the dashboards), rebuild runs, exports; and the
 * unit on each enrolment, so that a course's enrolments in a unit are one covering-index range.
 */
export class Monitoring1764760000000 implements MigrationInterface {
  name = 'Monitoring1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('enrolment', new TableColumn(column.ref('unit_id', true)));
    await q.query(
      'UPDATE enrolment SET unit_id = (SELECT u.unit_id FROM user_account u WHERE u.id = enrolment.user_id)',
    );
    await q.createIndex(
      'enrolment',
      new TableIndex({
        name: 'IDX_enrolment_course_unit',
        columnNames: ['course_id', 'unit_id', 'assignment_id', 'status', 'deadline'],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mon_state',
        columns: [column.varchar('id', 20, { isPrimary: true }), column.datetime('rebuilt_at', true)],
      }),
    );
    await q.query("INSERT INTO mon_state (id, rebuilt_at) VALUES ('rollups', NULL)");
    await q.createTable(
      new Table({
        name: 'mon_rebuild',
        columns: [
          column.id(),
          column.varchar('status', 8),
          column.varchar('phase', 20, { isNullable: true }),
          counter('done'),
          column.ref('requested_by', true),
          column.varchar('error', 300, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mon_jp_person',
        columns: [
          column.int('year', { isPrimary: true }),
          column.varchar('user_id', 36, { isPrimary: true }),
          applied(),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('unit_id', true),
          column.varchar('employee_type', 4, { default: "''" }),
          column.varchar('golongan', 6, { default: "''" }),
          counter('jp_tenths'),
          counter('target_jp'),
          column.int('attained_month', { isNullable: true }),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'IDX_mon_jp_person_unit', columnNames: ['year', 'unit_id', 'jp_tenths'] }),
          new TableIndex({ name: 'IDX_mon_jp_person_region', columnNames: ['year', 'region_code', 'jp_tenths'] }),
          // The rebuild walks people by id across years (and removes those no longer ASN by id range).
          new TableIndex({ name: 'IDX_mon_jp_person_user', columnNames: ['user_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_course_leaf',
        columns: [
          column.varchar('course_id', 36, { isPrimary: true }),
          column.varchar('assignment_key', 36, { isPrimary: true }),
          column.varchar('unit_key', 36, { isPrimary: true }),
          applied(),
          column.varchar('region_code', 20, { isNullable: true }),
          counter('requested'),
          counter('active'),
          counter('completed'),
          column.text('open_by_day', true),
          updatedAt(),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_competency_person',
        columns: [
          column.varchar('user_id', 36, { isPrimary: true }),
          applied(),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('unit_id', true),
          column.ref('position_id', true),
          column.text('levels', true),
          counter('required'),
          counter('met'),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'IDX_mon_competency_person_unit', columnNames: ['unit_id'] }),
          new TableIndex({ name: 'IDX_mon_competency_person_region', columnNames: ['region_code'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_plan_leaf',
        columns: [
          column.varchar('plan_id', 36, { isPrimary: true }),
          applied(),
          counter('year'),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('unit_id', true),
          column.varchar('status', 20, { default: "''" }),
          updatedAt(),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_evaluation_leaf',
        columns: [
          column.int('year', { isPrimary: true }),
          column.varchar('unit_key', 36, { isPrimary: true }),
          applied(),
          column.varchar('region_code', 20, { isNullable: true }),
          ...['l1_sum', 'l1_count', 'l2_gain_sum', 'l2_count', 'l3_applied', 'l3_answered'].map(counter),
          updatedAt(),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mon_jp_node',
        columns: [
          column.int('year', { isPrimary: true }),
          ...nodeColumns(),
          column.varchar('employee_type', 4, { isPrimary: true }),
          column.varchar('golongan', 6, { isPrimary: true }),
          ...['people', 'jp_0', 'jp_1_9', 'jp_10_19', 'jp_20_plus', 'met_target'].map(counter),
          { name: 'jp_tenths', type: 'bigint', isNullable: false, default: 0 },
        ],
        indices: [new TableIndex({ name: 'IDX_mon_jp_node_parent', columnNames: ['year', 'parent'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_jp_month_node',
        columns: [
          column.int('year', { isPrimary: true }),
          ...nodeColumns(),
          column.int('month', { isPrimary: true }),
          counter('attained'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_course_node',
        columns: [
          column.varchar('course_id', 36, { isPrimary: true }),
          column.varchar('assignment_key', 36, { isPrimary: true }),
          ...nodeColumns(),
          counter('requested'),
          counter('active'),
          counter('completed'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_mon_course_node_node', columnNames: ['node', 'course_id'] }),
          new TableIndex({ name: 'IDX_mon_course_node_parent', columnNames: ['parent', 'course_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_course_deadline_node',
        columns: [
          column.varchar('course_id', 36, { isPrimary: true }),
          column.varchar('assignment_key', 36, { isPrimary: true }),
          ...nodeColumns(),
          column.varchar('deadline_day', 10, { isPrimary: true }),
          counter('open_count'),
        ],
        indices: [new TableIndex({ name: 'IDX_mon_course_deadline_node_node', columnNames: ['node', 'deadline_day'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_competency_node',
        columns: [
          ...nodeColumns(),
          column.varchar('competency_code', 20, { isPrimary: true }),
          counter('required'),
          counter('met'),
        ],
        indices: [new TableIndex({ name: 'IDX_mon_competency_node_parent', columnNames: ['parent'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_plan_node',
        columns: [
          column.int('year', { isPrimary: true }),
          ...nodeColumns(),
          column.varchar('status', 20, { isPrimary: true }),
          counter('plans'),
        ],
        indices: [new TableIndex({ name: 'IDX_mon_plan_node_parent', columnNames: ['year', 'parent'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mon_evaluation_node',
        columns: [
          column.int('year', { isPrimary: true }),
          ...nodeColumns(),
          ...['l1_sum', 'l1_count', 'l2_gain_sum', 'l2_count', 'l3_applied', 'l3_answered'].map(counter),
        ],
        indices: [new TableIndex({ name: 'IDX_mon_evaluation_node_parent', columnNames: ['year', 'parent'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mon_export',
        columns: [
          column.id(),
          column.ref('requested_by'),
          column.varchar('kind', 30),
          column.text('params'),
          column.varchar('format', 4),
          column.varchar('status', 8),
          counter('done'),
          counter('total'),
          column.varchar('file_key', 200, { isNullable: true }),
          column.varchar('file_name', 200, { isNullable: true }),
          column.varchar('error', 300, { isNullable: true }),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
          column.datetime('expires_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_mon_export_owner', columnNames: ['requested_by', 'created_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'mon_export',
      'mon_evaluation_node',
      'mon_plan_node',
      'mon_competency_node',
      'mon_course_deadline_node',
      'mon_course_node',
      'mon_jp_month_node',
      'mon_jp_node',
      'mon_evaluation_leaf',
      'mon_plan_leaf',
      'mon_competency_person',
      'mon_course_leaf',
      'mon_jp_person',
      'mon_rebuild',
      'mon_state',
    ]) {
      await q.dropTable(table);
    }
    await q.dropIndex('enrolment', 'IDX_enrolment_course_unit');
    await q.dropColumn('enrolment', 'unit_id');
  }
}
