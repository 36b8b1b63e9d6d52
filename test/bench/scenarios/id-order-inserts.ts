import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { newId } from '../../../libs/common';
import { isMysqlFamily } from '../../../libs/database';
import type { Measurement } from '../load';
import type { Scenario } from '../scenario';

const TABLE = 'bench_id_order';
const ROWS = 300_000;
const PER_INSERT = 500;
const log = (line: string) => console.log(`bench: id-order-inserts ${line}`);

/**
 * Rows shaped like a hot table's (a varchar(36) primary key made by the application, a
 * second id with its own index, a short payload), written in multi-row inserts into a table
 * that grows to ROWS: with the app's ids (newId, UUIDv7: time-ordered) against random
 * UUIDv4 ids, the baseline. Reports rows/s and the space the table takes.
 */
export const idOrderInserts: Scenario = {
  name: 'id-order-inserts',
  description: `${ROWS} multi-row inserts keyed by newId() (UUIDv7) against the same keyed by random UUIDv4`,
  async run(ctx) {
    const db = ctx.bina.app.get<DataSource>(getDataSourceToken());
    // Alternated, best of two each: the machine is shared, and the second table of a pair
    // meets a warmer cache.
    const runs: Record<'v7' | 'v4', Array<{ m: Measurement; mib: number }>> = { v7: [], v4: [] };
    for (const label of ['v4', 'v7', 'v4', 'v7'] as const) {
      const run = await insertAll(db, label === 'v7' ? newId : randomUUID);
      log(`${label}: ${run.m.rps.toFixed(0)} rows/s, ${run.mib.toFixed(1)} MiB`);
      runs[label].push(run);
    }
    const best = (label: 'v7' | 'v4') => runs[label].reduce((a, b) => (b.m.rps > a.m.rps ? b : a));
    const [v7, v4] = [best('v7'), best('v4')];
    log(`table size: ${v7.mib.toFixed(1)} MiB with newId() against ${v4.mib.toFixed(1)} MiB with UUIDv4`);
    return [
      {
        metric: `inserts keyed by newId() vs random UUIDv4 (${ROWS} rows, ${PER_INSERT} per statement)`,
        unit: 'rows/s',
        value: v7.m.rps,
        baseline: v4.m.rps,
        measurement: v7.m,
      },
      {
        metric: 'table size keyed by UUIDv4 vs newId() (higher: newId saves space)',
        unit: 'MiB',
        value: v4.mib,
        baseline: v7.mib,
        measurement: v7.m,
      },
    ];
  },
};

async function insertAll(db: DataSource, id: () => string): Promise<{ m: Measurement; mib: number }> {
  const mysql = isMysqlFamily(db);
  await db.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await db.query(
    `CREATE TABLE ${TABLE} (id varchar(36) NOT NULL PRIMARY KEY, user_id varchar(36) NOT NULL, body varchar(200) NOT NULL)`,
  );
  await db.query(`CREATE INDEX IDX_${TABLE}_user ON ${TABLE} (user_id)`);
  const pagesBefore = mysql ? 0 : await sqliteBytesInUse(db);
  const body = 'x'.repeat(150);
  const started = performance.now();
  for (let i = 0; i < ROWS; i += PER_INSERT) {
    const values: string[] = [];
    for (let j = 0; j < PER_INSERT; j++) values.push(id(), randomUUID(), body);
    await db.query(
      `INSERT INTO ${TABLE} (id, user_id, body) VALUES ${Array.from({ length: PER_INSERT }, () => '(?, ?, ?)').join(', ')}`,
      values,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  let bytes: number;
  if (mysql) {
    await db.query(`ANALYZE TABLE ${TABLE}`);
    const [size] = await db.query(
      `SELECT data_length + index_length AS bytes FROM information_schema.tables
       WHERE table_schema = DATABASE() AND table_name = ?`,
      [TABLE],
    );
    bytes = Number(size.bytes);
  } else {
    bytes = (await sqliteBytesInUse(db)) - pagesBefore;
  }
  await db.query(`DROP TABLE ${TABLE}`);
  return {
    m: {
      rps: ROWS / seconds,
      ok: ROWS,
      failed: 0,
      latencyP50Ms: 0,
      latencyP99Ms: 0,
      durationSec: Number(seconds.toFixed(2)),
      connections: 1,
      statusCodes: {},
    },
    mib: bytes / 2 ** 20,
  };
}

/** Bytes of the SQLite file in use (pages times page size; freed pages not counted). */
async function sqliteBytesInUse(db: DataSource): Promise<number> {
  const [{ page_count }] = await db.query('PRAGMA page_count');
  const [{ freelist_count }] = await db.query('PRAGMA freelist_count');
  const [{ page_size }] = await db.query('PRAGMA page_size');
  return (Number(page_count) - Number(freelist_count)) * Number(page_size);
}
