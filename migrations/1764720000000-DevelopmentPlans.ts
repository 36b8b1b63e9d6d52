import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Individual development plans: the plan, its goals and activities, and its audit trail. */
export class DevelopmentPlans1764720000000 implements MigrationInterface {
  name = 'DevelopmentPlans1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'development_plan',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.int('year'),
          column.varchar('status', 12),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('unit_id', true),
          column.ref('supervisor_id', true),
          column.int('target_jp_tenths'),
          column.int('planned_jp_tenths', { default: 0 }),
          column.int('earned_jp_tenths', { default: 0 }),
          column.text('summary', true),
          column.int('version', { default: 1 }),
          column.datetime('submitted_at', true),
          column.datetime('approved_at', true),
          column.datetime('closed_at', true),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_development_plan_user_year', columnNames: ['user_id', 'year'], isUnique: true }),
          new TableIndex({ name: 'IDX_development_plan_region', columnNames: ['region_code', 'year', 'status'] }),
          new TableIndex({ name: 'IDX_development_plan_supervisor', columnNames: ['supervisor_id', 'status'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_goal',
        columns: [
          column.id(),
          column.ref('plan_id'),
          column.varchar('competency_code', 20),
          column.int('baseline_level'),
          column.int('target_level'),
          column.int('current_level'),
          column.varchar('priority', 6),
          column.datetime('reached_at', true),
          column.int('position'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_plan_goal_competency',
            columnNames: ['plan_id', 'competency_code'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_activity',
        columns: [
          column.id(),
          column.ref('plan_id'),
          column.ref('goal_id', true),
          column.varchar('kind', 8),
          column.ref('course_id', true),
          column.varchar('form_code', 40, { isNullable: true }),
          column.varchar('title', 200),
          column.int('planned_jp_tenths'),
          column.varchar('status', 8, { default: "'planned'" }),
          column.datetime('done_at', true),
          column.int('credited_jp_tenths', { default: 0 }),
          column.varchar('done_source', 10, { isNullable: true }),
          column.ref('done_source_id', true),
          column.int('position'),
        ],
        indices: [new TableIndex({ name: 'IDX_plan_activity_plan', columnNames: ['plan_id', 'position'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_event',
        columns: [
          column.id(),
          column.ref('plan_id'),
          column.ref('actor_id', true),
          column.varchar('action', 20),
          column.varchar('from_status', 12, { isNullable: true }),
          column.varchar('to_status', 12, { isNullable: true }),
          column.varchar('comment', 1000, { isNullable: true }),
          column.datetime('at'),
        ],
        indices: [new TableIndex({ name: 'IDX_plan_event_plan', columnNames: ['plan_id', 'at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['plan_event', 'plan_activity', 'plan_goal', 'development_plan']) await q.dropTable(table);
  }
}
