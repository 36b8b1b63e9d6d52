import { DataSource } from 'typeorm';
import { isMysqlFamily } from './dialect';

const LOCK = 'bina_migrations';

/**
 * Applies pending migrations, each in its own transaction. On MySQL an advisory lock
 * keeps two processes starting together (api and worker) from migrating at once.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const mysql = isMysqlFamily(dataSource);
  if (mysql) {
    const [row] = await dataSource.query('SELECT GET_LOCK(?, 120) AS got', [LOCK]);
    if (Number(row?.got) !== 1) throw new Error('Could not take the migration lock within 120 s');
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (mysql) await dataSource.query('SELECT RELEASE_LOCK(?)', [LOCK]);
  }
}

/** SQL statements that would bring the database in line with the entities (empty = no drift). */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
