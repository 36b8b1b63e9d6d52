import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments and SKP ratings carry the region their person was in when they were written,
 * and a region's lists read it. From now on a job moves the records of a person who moves;
 * this brings along the records of people who moved before: each takes the region its person
 * has now (user_account.region_code, the one a record copies when written). People no longer
 * found keep their records' region. Portable SQL (a correlated subquery, no UPDATE ... JOIN),
 * for SQLite and MySQL alike.
 */
export class RecordsRegionOfTheirPeople1764840000000 implements MigrationInterface {
  name = 'RecordsRegionOfTheirPeople1764840000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['competency_assessment', 'skp_rating']) {
      await q.query(
        `UPDATE ${table} SET region_code = ` +
          `(SELECT u.region_code FROM user_account u WHERE u.id = ${table}.user_id) ` +
          `WHERE EXISTS (SELECT 1 FROM user_account u WHERE u.id = ${table}.user_id ` +
          `AND COALESCE(u.region_code, '') <> COALESCE(${table}.region_code, ''))`,
      );
    }
  }

  async down(): Promise<void> {
    // The regions replaced were stale (where people used to be): nothing to put back.
  }
}
