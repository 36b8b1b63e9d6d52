import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getDataSourceToken } from '@nestjs/typeorm';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../../../libs/config';
import { AppModule } from '../../../../src/app.module';
import { RollupRebuilder } from '../../../../src/modules/monitoring/rollups/rollup-rebuilder';
import { seedNational } from './seed-national';

const USAGE = `npm run seed:national -- [--learners 50000] [--seed 1] [--database-url mysql://...] [--reset] [--no-rebuild]
  --learners N       ASN to generate (about 10 enrolments each); default 50000
  --seed S           the same seed gives the same data set; default 1
  --database-url U   mysql://user:pass@host:3306/db (else DATABASE_URL, else the default SQLite file)
  --reset            EMPTIES the target database first (drops it on MySQL, deletes the SQLite file)
  --no-rebuild       skip the monitoring rebuild (rollups stay empty)
  --rebuild-only     only run the monitoring rebuild over the data already there
  --drop             only drop the database (MySQL) or delete the SQLite file, then exit`;

const log = (line: string) => console.log(`seed:national: ${line}`);

/** Drops the database (MySQL/MariaDB) or deletes the SQLite file; `recreate` makes it again, empty. */
async function dropDatabase(url: string | undefined, sqliteFile: string, recreate = false): Promise<void> {
  if (!url) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
    log(`deleted ${sqliteFile}`);
    return;
  }
  const { name, server } = serverOf(url);
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection(server);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    if (recreate) await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  log(`${recreate ? 'recreated' : 'dropped'} database ${name}`);
}

/** Creates the database named in the URL when it does not exist yet. */
async function ensureDatabase(url: string): Promise<void> {
  const { name, server } = serverOf(url);
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection(server);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

function serverOf(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^\w+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits and _`);
  const server = {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
  return { name, server };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      learners: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      reset: { type: 'boolean', default: false },
      'no-rebuild': { type: 'boolean', default: false },
      'rebuild-only': { type: 'boolean', default: false },
      drop: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const learners = Number(values.learners);
  const seed = Number(values.seed);
  // NIPs carry the person's index in 7 digits: up to 9,999,999 ASN (BKN counts about 5.6 M).
  if (!Number.isInteger(learners) || learners < 1 || learners > 9_999_999 || !Number.isInteger(seed)) {
    throw new Error(USAGE);
  }
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    APP_ROLE: 'api',
    REDIS_URL: undefined,
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const sqliteFile = config.database.kind === 'sqlite' ? config.database.file : '';
  if (values.drop) return dropDatabase(url, sqliteFile);
  if (values.reset) await dropDatabase(url, sqliteFile, true);
  else if (url) await ensureDatabase(url);
  log(`target ${url ? url.replace(/\/\/[^@]*@/, '//') : sqliteFile}, ${learners} learners, seed ${seed}`);

  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    if (!values['rebuild-only']) {
      const counts = await seedNational(db, { learners, seed, log });
      log(
        `wrote ${counts.regions} regions, ${counts.units} units, ${counts.courses} courses, ${counts.learners} learners, ` +
          `${counts.enrolments} enrolments, ${counts.ledger} JP ledger entries, ${counts.evidence} evidence, ` +
          `${counts.plans} plans, ${counts.evaluations} evaluations in ${counts.seconds.toFixed(1)} s`,
      );
    }
    if (values['no-rebuild']) return;
    const started = performance.now();
    await app.get(RollupRebuilder).run(null);
    log(`monitoring rebuild in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('seed:national failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
