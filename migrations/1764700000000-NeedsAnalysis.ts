import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/**
 * Needs analysis: the records it rests on (competency assessments, SKP ratings, target
 * positions), its runs, and the per-person, per-competency gap rows the agency view reads.
 */
export class NeedsAnalysis1764700000000 implements MigrationInterface {
  name = 'NeedsAnalysis1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'competency_assessment',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.varchar('competency_code', 20),
          column.int('level'),
          column.varchar('assessed_on', 10),
          column.varchar('source', 20),
          column.varchar('note', 500, { isNullable: true }),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('recorded_by'),
          column.datetime('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_competency_assessment_user',
            columnNames: ['user_id', 'competency_code', 'assessed_on'],
          }),
          new TableIndex({ name: 'IDX_competency_assessment_region', columnNames: ['region_code', 'assessed_on'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'skp_rating',
        columns: [
          column.id(),
          column.ref('user_id'),
          column.int('year'),
          column.varchar('rating', 16),
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('imported_by'),
          column.datetime('imported_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_skp_rating_user_year', columnNames: ['user_id', 'year'], isUnique: true }),
          new TableIndex({ name: 'IDX_skp_rating_region', columnNames: ['region_code', 'year'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'target_position',
        columns: [column.id('user_id'), column.ref('position_id'), column.ref('set_by'), column.datetime('updated_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'needs_run',
        columns: [
          column.id(),
          column.varchar('region_code', 20),
          column.ref('unit_id', true),
          column.varchar('status', 8),
          column.int('processed', { default: 0 }),
          column.int('gap_rows', { default: 0 }),
          column.ref('after_id', true),
          column.varchar('error', 300, { isNullable: true }),
          column.ref('requested_by'),
          column.datetime('created_at'),
          column.datetime('started_at', true),
          column.datetime('finished_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_needs_run_region', columnNames: ['region_code', 'created_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'needs_gap',
        columns: [
          column.id('user_id'),
          { ...column.varchar('competency_code', 20), isPrimary: true },
          column.varchar('region_code', 20, { isNullable: true }),
          column.ref('unit_id', true),
          column.int('required_level', { isNullable: true }),
          column.int('target_required_level', { isNullable: true }),
          column.int('current_level'),
          column.varchar('current_source', 10, { isNullable: true }),
          column.int('gap'),
          column.int('target_gap', { isNullable: true }),
          column.varchar('priority', 6),
          column.ref('run_id'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_needs_gap_region',
            columnNames: ['region_code', 'unit_id', 'competency_code', 'gap', 'required_level', 'priority'],
          }),
          new TableIndex({
            name: 'IDX_needs_gap_unit',
            columnNames: ['unit_id', 'competency_code', 'gap', 'required_level', 'priority'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['needs_gap', 'needs_run', 'target_position', 'skp_rating', 'competency_assessment']) {
      await q.dropTable(table);
    }
  }
}
