import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { DatabaseConfig } from '../config';

type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * One description of the database for the app, the migration CLI and the tests.
 * `synchronize` is always off: the schema is what the migrations say it is.
 */
export function dataSourceOptions(
  database: DatabaseConfig,
  entities: EntityList,
  migrations: Function[],
): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      // WAL lets readers proceed while a write commits; the timeout absorbs short lock waits.
      enableWAL: database.file !== ':memory:',
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    // MariaDB reports column defaults differently; TypeORM needs to know which server it talks to.
    type: database.url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    poolSize: 20,
    extra: {
      connectionLimit: 20,
      waitForConnections: true,
      maxIdle: 10,
      idleTimeout: 60000,
      // mysql2 captures a stack trace for every query, in case it fails: 5 % of the CPU of
      // a quiz submit under an exam burst. A failed query still names its SQL and error
      // (TypeORM's QueryFailedError), which is what the logs need.
      trace: false,
    },
  };
}
