import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { isMysqlFamily } from '../libs/database/dialect';
import { column } from '../libs/database/schema';

const PREFIX = 'regrade ';

/**
 * grade_change.regrade_id: the regrade run behind a regrade's audit row. It was written into
 * the reason as "regrade <run id>", which the pages had to parse back out and hide: a reason
 * is what a person wrote. Existing rows move their run id into the column.
 */
export class GradeChangeRegradeRun1764890000000 implements MigrationInterface {
  name = 'GradeChangeRegradeRun1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('grade_change', new TableColumn(column.ref('regrade_id', true)));
    await moveRegradeRunIds(q);
  }

  async down(q: QueryRunner): Promise<void> {
    const reason = isMysqlFamily(q.connection) ? `CONCAT('${PREFIX}', regrade_id)` : `'${PREFIX}' || regrade_id`;
    await q.query(`UPDATE grade_change SET reason = ${reason} WHERE kind = 'regrade' AND regrade_id IS NOT NULL`);
    await q.dropColumn('grade_change', 'regrade_id');
  }
}

/** Regrade rows whose reason names their run: the id goes to regrade_id, the reason is cleared. */
export async function moveRegradeRunIds(q: QueryRunner): Promise<void> {
  await q.query(
    `UPDATE grade_change SET regrade_id = SUBSTR(reason, ${PREFIX.length + 1}), reason = NULL ` +
      `WHERE kind = 'regrade' AND regrade_id IS NULL AND reason LIKE '${PREFIX}%'`,
  );
}
