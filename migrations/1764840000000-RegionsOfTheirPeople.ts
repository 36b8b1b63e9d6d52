import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** Rows that carry their person's region, and follow the person when they move (libs/database region-follow). */
const FOLLOWING = ['competency_assessment', 'skp_rating', 'notification_address_failure'];

/**
 * Assessments, SKP ratings and refused mail addresses carry the region their person was in
 * when they were written, and a region's lists read it. From now on a job moves them when the
 * person moves; this brings along those of people who moved before: each takes the region its
 * person has now (user_account.region_code, the one copied when written). People no longer
 * found keep their rows' region. Portable SQL (a correlated subquery, no UPDATE ... JOIN), for
 * SQLite and MySQL alike. The refused addresses get an index on their person, which the job
 * updates by.
 */
export class RegionsOfTheirPeople1764840000000 implements MigrationInterface {
  name = 'RegionsOfTheirPeople1764840000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of FOLLOWING) {
      await q.query(
        `UPDATE ${table} SET region_code = ` +
          `(SELECT u.region_code FROM user_account u WHERE u.id = ${table}.user_id) ` +
          `WHERE EXISTS (SELECT 1 FROM user_account u WHERE u.id = ${table}.user_id ` +
          `AND COALESCE(u.region_code, '') <> COALESCE(${table}.region_code, ''))`,
      );
    }
    // Idempotent, as the backfill is: the backfill's tests run `up` on a migrated database.
    const table = await q.getTable('notification_address_failure');
    if (!table?.indices.some((i) => i.name === 'IDX_address_failure_user')) {
      await q.createIndex(
        'notification_address_failure',
        new TableIndex({ name: 'IDX_address_failure_user', columnNames: ['user_id'] }),
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The regions replaced were stale (where people used to be): nothing to put back.
    await q.dropIndex('notification_address_failure', 'IDX_address_failure_user');
  }
}
