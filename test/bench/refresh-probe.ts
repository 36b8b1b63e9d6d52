/**
 * Times per-event JP leaf refreshes statement by statement over the data set already in
 * DATABASE_URL (MySQL/MariaDB, from `npm run seed:national`): where one refresh's time goes.
 *   npm run build --silent && DATABASE_URL=mysql://... node dist/test/bench/refresh-probe.js [count]
 * It credits `count` ASN (200 by default) 1 JP each, refreshes them one at a time, then
 * removes the credits and refreshes them back.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { wibYear } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { LEAF_KINDS, LeafKindMap } from '../../src/modules/monitoring/rollups/leaf-kinds';
import { LeafRefresher } from '../../src/modules/monitoring/rollups/leaf-refresher';
import { runProbe } from './probe-app';

const TITLE = 'Refresh probe credit';

function shapeOf(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\(\?(, \?)*\)/g, '(…)')
    .replace(/(\(…\), )+\(…\)/g, '(…)…')
    .slice(0, 90);
}

runProbe(async (app) => {
  const count = Number(process.argv[2] ?? 200);
  const db = app.get<DataSource>(getDataSourceToken());
  const year = wibYear(new Date());
  const ids: Array<{ id: string }> = await db.query(
    'SELECT id FROM user_account WHERE employee_type IS NOT NULL AND active = 1 ORDER BY id DESC LIMIT ?',
    [count],
  );
  for (const [i, { id }] of ids.entries()) {
    await db.query(
      `INSERT INTO jp_ledger_entry (id, user_id, year, jp_tenths, source, source_id, title, earned_at)
       VALUES (UUID(), ?, ?, 10, 'external', ?, ?, NOW(3))`,
      [id, year, `probe-${i}-${Date.now()}`, TITLE],
    );
  }
  // The goal's reference, as the bench measures it: one-row commits through the same runner.
  const tx = app.get(TransactionRunner);
  await db.query('DROP TABLE IF EXISTS probe_commit_scratch');
  await db.query('CREATE TABLE probe_commit_scratch (id varchar(36) PRIMARY KEY, n int NOT NULL)');
  const commitStarted = performance.now();
  for (let i = 0; i < ids.length; i++) {
    await tx.run((m) => m.query('INSERT INTO probe_commit_scratch (id, n) VALUES (UUID(), ?)', [i]));
  }
  const commitMs = (performance.now() - commitStarted) / ids.length;
  await db.query('DROP TABLE probe_commit_scratch');
  const refresher = app.get(LeafRefresher);
  const jp = app.get<LeafKindMap>(LEAF_KINDS).jp;

  const times = new Map<string, { n: number; ms: number }>();
  const original = MysqlQueryRunner.prototype.query;
  MysqlQueryRunner.prototype.query = async function (this: MysqlQueryRunner, ...args: Parameters<typeof original>) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      const key = shapeOf(args[0]);
      const t = times.get(key) ?? { n: 0, ms: 0 };
      t.n++;
      t.ms += performance.now() - started;
      times.set(key, t);
    }
  } as typeof original;
  const started = performance.now();
  for (const { id } of ids) await refresher.refresh(jp, { userId: id, year });
  const total = performance.now() - started;
  MysqlQueryRunner.prototype.query = original;

  console.log(
    `${ids.length} refreshes one at a time: ${(total / ids.length).toFixed(2)} ms each; ` +
      `one-row commit ${commitMs.toFixed(2)} ms (ratio ${(commitMs / (total / ids.length)).toFixed(2)})`,
  );
  let inQueries = 0;
  for (const [sql, t] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
    inQueries += t.ms;
    console.log(`${(t.ms / ids.length).toFixed(3).padStart(7)} ms  ${(t.n / ids.length).toFixed(2)}x  ${sql}`);
  }
  console.log(`outside statements: ${((total - inQueries) / ids.length).toFixed(3)} ms each`);

  await db.query('DELETE FROM jp_ledger_entry WHERE title = ?', [TITLE]);
  for (const { id } of ids) await refresher.refresh(jp, { userId: id, year });
});
