import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { AppConfig, loadConfig } from '../config';
import { deleteQueueKeys } from '../queue/redis-connection';

/**
 * Where a test suite runs: SQLite (default), or MySQL/MariaDB and Redis when
 * TEST_DB=mysql / TEST_REDIS=1 are set (npm run test:mysql sets both). Each suite
 * gets its own database and its own Redis key prefix, and removes them when done.
 */
export interface TestEnvironment {
  config: AppConfig;
  cleanup(): Promise<void>;
}

export const usesMysql = () => process.env.TEST_DB === 'mysql';
export const usesRedis = () => process.env.TEST_REDIS === '1';

const MYSQL_BASE = () => process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const REDIS_BASE = () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function prepareTestEnvironment(env: Record<string, string> = {}): Promise<TestEnvironment> {
  const suffix = randomBytes(5).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'bina-test-'));
  const vars: Record<string, string> = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DEMO_DATA: 'false',
    OUTBOX_POLL_MS: '100',
    // Tests compare dashboards with counts right after a change; the cache has its own test.
    MONITORING_CACHE_SECONDS: '0',
    ...env,
  };
  let database: string | null = null;
  if (usesMysql()) {
    database = `bina_test_${suffix}`;
    const admin = await createConnection(MYSQL_BASE());
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    vars.DATABASE_URL = `${MYSQL_BASE()}/${database}`;
  } else {
    vars.SQLITE_FILE = vars.SQLITE_FILE ?? 'test.sqlite';
  }
  const prefix = `bina-test-${suffix}`;
  if (usesRedis()) {
    vars.REDIS_URL = REDIS_BASE();
    vars.QUEUE_PREFIX = prefix;
  }
  const config = loadConfig(vars);
  return {
    config,
    async cleanup() {
      if (database) {
        const admin = await createConnection(MYSQL_BASE());
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.end();
      }
      if (usesRedis()) await deleteQueueKeys(REDIS_BASE(), prefix);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
