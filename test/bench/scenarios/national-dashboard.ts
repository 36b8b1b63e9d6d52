import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isMysqlFamily, TransactionRunner } from '../../../libs/database';
import { IdentityApi } from '../../../src/modules/identity/identity.api';
import { ledgerYearOf } from '../../../src/modules/learning/domain/ledger';
import { deepestPageByNumber, MAX_SKIPPED } from '../../../src/modules/monitoring/people/people.service';
import { LeafRefresher } from '../../../src/modules/monitoring/rollups/leaf-refresher';
import { LEAF_KINDS, LeafKindMap } from '../../../src/modules/monitoring/rollups/leaf-kinds';
import { RollupRebuilder } from '../../../src/modules/monitoring/rollups/rollup-rebuilder';
import { BENCH_PASSWORD } from '../bina-app';
import { burst } from '../burst';
import { waitForIdlePipeline } from '../job-pipeline';
import type { Measurement } from '../load';
import type { Figure, Scenario } from '../scenario';
import { idMaker, sqlDate } from '../seed/national/bulk';
import { hasNationalData, seedNational } from '../seed/national/seed-national';

const DEFAULT_LEARNERS = 50_000;
const SETTLE_TIMEOUT_MS = 20 * 60_000;
const USERS = 50;
/**
 * The paced measurement: each of the 50 users pauses 2 s on average between clicks (a busy
 * admin; reading a dashboard takes longer), where the closed loop is 50 scripts asking back
 * to back.
 */
const THINK_MS = 2000;
const PACED_CLICKS = 10;
/** Leaves per transaction when events arrive together (the refresh job's group commit). */
const GROUP = 16;
const PROVINCE = '32'; // Jawa Barat, the province with the most ASN
const BENCH_ADMIN = 'bench-national@bina.local';
const GIB = 1024 ** 3;
const log = (line: string) => console.log(`bench: national-dashboard ${line}`);

/**
 * What the rebuild reads, read as cheaply as the database can: every source row the rollups
 * count, through a covering index where the columns fit in one (enrolment: course, unit,
 * assignment, status, deadline; plans: region, year, status), else the clustered index.
 */
function scanQueries(mysql: boolean): Array<[string, string]> {
  const force = (index: string) => (mysql ? `FORCE INDEX (${index})` : `INDEXED BY ${index}`);
  return [
    [
      'enrolment',
      `SELECT COUNT(*) AS n, SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS c, COUNT(deadline) AS d
       FROM enrolment ${force('IDX_enrolment_course_unit')}`,
    ],
    ['jp_ledger_entry', 'SELECT COUNT(*) AS n, SUM(jp_tenths) AS s FROM jp_ledger_entry'],
    ['user_account', 'SELECT COUNT(*) AS n, COUNT(region_code) AS r, COUNT(golongan) AS g FROM user_account'],
    ['competency_evidence', 'SELECT COUNT(*) AS n, MAX(level) AS l FROM competency_evidence'],
    [
      'development_plan',
      `SELECT COUNT(*) AS n, COUNT(region_code) AS r, SUM(year) AS y
       FROM development_plan ${force('IDX_development_plan_region')}`,
    ],
    ['course_evaluation', 'SELECT COUNT(*) AS n, SUM(material) AS s FROM course_evaluation'],
  ];
}

function measurement(seconds: number, ok: number, latencies: number[] = []): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2));
  return {
    rps: ok / seconds,
    ok,
    failed: 0,
    latencyP50Ms: at(0.5),
    latencyP99Ms: at(0.99),
    durationSec: Number(seconds.toFixed(3)),
    connections: 1,
    statusCodes: {},
  };
}

/** Calls `call(i)` one after another for `seconds` (or `limit` calls): the rate of a single writer. */
async function loop(seconds: number, limit: number, call: (i: number) => Promise<void>): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  for (let i = 0; i < limit && performance.now() < until; i++) {
    const t0 = performance.now();
    await call(i);
    latencies.push(performance.now() - t0);
  }
  return measurement((performance.now() - started) / 1000, latencies.length, latencies);
}

async function signIn(baseUrl: string, identity: IdentityApi): Promise<string> {
  if (!(await identity.findByLogin(BENCH_ADMIN))) {
    await identity.provisionAccount({
      name: 'Admin Nasional Bench',
      role: 'national_admin',
      password: BENCH_PASSWORD,
      email: BENCH_ADMIN,
    });
  }
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_ADMIN, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login as ${BENCH_ADMIN} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const goal = (met: boolean) => (met ? 'met' : 'NOT met');

/**
 * Asks for the CSV of every ASN below their JP target in the nation, waits for the job and
 * samples this process's RSS meanwhile (the app runs in it); the baseline reads the same
 * leaves 2,000 at a time after the last one and writes them as CSV lines to a file.
 */
async function nationalExport(
  baseUrl: string,
  headers: Record<string, string>,
  db: DataSource,
  year: number,
): Promise<{ rows: number; seconds: number; peakMb: number; baselineSeconds: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const asked = await fetch(`${baseUrl}/api/monitoring/exports`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'people', format: 'csv', params: { node: '', year, metric: 'jp-not-met' } }),
  });
  if (asked.status !== 202) throw new Error(`POST /api/monitoring/exports answered ${asked.status}`);
  const { id } = (await asked.json()) as { id: string };
  let state: { status: string; total: number; error: string | null };
  do {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = (await (await fetch(`${baseUrl}/api/monitoring/exports/${id}`, { headers })).json()) as typeof state;
  } while (state.status === 'queued' || state.status === 'running');
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (state.status !== 'done') throw new Error(`the export ended ${state.status}: ${state.error}`);

  const file = join(mkdtempSync(join(tmpdir(), 'bench-export-')), 'baseline.csv');
  const baselineStarted = performance.now();
  const out = createWriteStream(file);
  out.write('\uFEFFuser_id,unit_id,jp_tenths,target_jp\r\n');
  let after: [number, string] | null = null;
  for (;;) {
    const rows: Array<{ user_id: string; unit_id: string | null; jp_tenths: number; target_jp: number }> =
      await db.query(
        `SELECT user_id, unit_id, jp_tenths, target_jp FROM mon_jp_person
          WHERE year = ? AND applied = 1 AND attained_month IS NULL
          ${after ? 'AND (jp_tenths < ? OR (jp_tenths = ? AND user_id < ?))' : ''}
          ORDER BY jp_tenths DESC, user_id DESC LIMIT 2000`,
        after ? [year, after[0], after[0], after[1]] : [year],
      );
    if (rows.length === 0) break;
    out.write(rows.map((r) => `${r.user_id},${r.unit_id ?? ''},${r.jp_tenths},${r.target_jp}\r\n`).join(''));
    const last = rows[rows.length - 1];
    after = [Number(last.jp_tenths), last.user_id];
  }
  out.end();
  await once(out, 'close');
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  rmSync(dirname(file), { recursive: true, force: true });
  return { rows: state.total, seconds, peakMb: (peak - before) / 1024 ** 2, baselineSeconds };
}

/** Requests per way of asking in the deep-page figure (one after another; the median counts). */
const PAGE_SAMPLES = 30;

/**
 * A page deep in the national list of ASN below their JP target (nine tenths of the way
 * down) by the `next` cursor of the page before and by the `previous` cursor of the page
 * after; the deepest page a number may still ask for (MAX_SKIPPED rows down, by OFFSET),
 * and that the deep page by its number is refused; beside the list's first page: median
 * milliseconds over PAGE_SAMPLES requests each.
 */
async function deepPage(
  baseUrl: string,
  headers: Record<string, string>,
  db: DataSource,
  year: number,
): Promise<{
  first: number;
  byNumber: number;
  numberPage: number;
  byCursor: number;
  byBefore: number;
  page: number;
  total: number;
}> {
  const list = `${baseUrl}/api/monitoring/people?metric=jp-not-met&year=${year}&node=&pageSize=20`;
  const first = (await (await fetch(list, { headers })).json()) as { total: number };
  const page = Math.max(2, Math.floor((first.total * 0.9) / 20));
  const numberPage = Math.min(page, deepestPageByNumber(20));
  // The cursors the pages either side would have handed out: the last row of the page before
  // and the first row of the page after, in the list's order.
  const rowAt = async (offset: number) => {
    const [row] = await db.query(
      `SELECT jp_tenths, user_id FROM mon_jp_person
       WHERE year = ? AND applied = ? AND attained_month IS NULL
       ORDER BY jp_tenths DESC, user_id DESC LIMIT 1 OFFSET ${offset}`,
      [year, 1],
    );
    return `${row.jp_tenths}:${row.user_id}`;
  };
  const after = (p: number) => rowAt((p - 1) * 20 - 1);
  const median = async (url: string) => {
    const times: number[] = [];
    for (let i = 0; i < PAGE_SAMPLES; i++) {
      const started = performance.now();
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };
  const byNumberUrl = `${list}&page=${numberPage}`;
  const byCursorUrl = `${list}&page=${page}&after=${encodeURIComponent(await after(page))}`;
  const byBeforeUrl = `${list}&page=${page}&before=${encodeURIComponent(await rowAt(page * 20))}`;
  const itemsOf = async (url: string) => ((await (await fetch(url, { headers })).json()) as { items: unknown[] }).items;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(await itemsOf(byCursorUrl), await itemsOf(byBeforeUrl)))
    throw new Error(`page ${page} after and before a cursor differ`);
  const numberedAfter = `${list}&page=${numberPage}&after=${encodeURIComponent(await after(numberPage))}`;
  if (!same(await itemsOf(byNumberUrl), await itemsOf(numberedAfter)))
    throw new Error(`page ${numberPage} by number and by cursor differ`);
  if (page > numberPage) {
    const refused = await fetch(`${list}&page=${page}`, { headers });
    if (refused.status !== 400) throw new Error(`page ${page} by its number answered ${refused.status}, not 400`);
  }
  return {
    first: await median(list),
    byNumber: await median(byNumberUrl),
    numberPage,
    byCursor: await median(byCursorUrl),
    byBefore: await median(byBeforeUrl),
    page,
    total: first.total,
  };
}

/**
 * The national dashboard at national scale (BENCH_NATIONAL_LEARNERS, default 50,000 ASN with
 * ~10 enrolments each; the goal is MariaDB): dashboard latency under 50 users against a
 * trivial authenticated endpoint, a full rollup rebuild against a covering-index scan of the
 * source rows, and per-event leaf refreshes against single-row commits, all in the same run.
 */
export const nationalDashboard: Scenario = {
  name: 'national-dashboard',
  description:
    'GET /api/monitoring/overview (nation, province) under 50 users vs GET /api/me; rollup rebuild vs a covering-index scan; JP leaf refresh vs a one-row commit',
  async run(ctx) {
    const { app, baseUrl } = ctx.bina;
    const db = app.get<DataSource>(getDataSourceToken());
    const mysql = isMysqlFamily(db);
    const learners = Number(process.env.BENCH_NATIONAL_LEARNERS ?? DEFAULT_LEARNERS);
    if (!Number.isInteger(learners) || learners < 1)
      throw new Error('BENCH_NATIONAL_LEARNERS must be a positive integer');
    if (mysql) {
      const [row] = await db.query("SHOW VARIABLES LIKE 'innodb_buffer_pool_size'");
      const pool = Number(row?.Value ?? 0);
      log(`innodb_buffer_pool_size ${(pool / GIB).toFixed(2)} GiB`);
      if (pool < GIB) {
        log(
          'WARNING: under 1 GiB the hot indexes do not stay in memory (docs/monitoring-benchmark.md); figures suffer',
        );
      }
    } else {
      log('on SQLite, for information: the goal is measured on MariaDB (DATABASE_URL=mysql://...)');
    }

    const present = await hasNationalData(db);
    if (present > 0) {
      log(`using the national data set already in the database (${present} learners; BENCH_NATIONAL_LEARNERS ignored)`);
    } else {
      const counts = await seedNational(db, { learners, seed: 1, log: (line) => log(`seed: ${line}`) });
      log(
        `seeded ${counts.learners} learners, ${counts.enrolments} enrolments, ${counts.ledger} ledger entries, ` +
          `${counts.evidence} evidence, ${counts.plans} plans in ${counts.seconds.toFixed(1)} s`,
      );
    }
    const people = present || learners;
    // The daily jobs run when the app starts (on a fresh data set they catch up: the plans
    // that start this year, a JP year with no leaves); they finish before anything is timed.
    const settled = await waitForIdlePipeline(app, SETTLE_TIMEOUT_MS);
    log(
      `background jobs of the app's start ${settled.idle ? 'done' : 'STILL RUNNING'} after ${settled.seconds.toFixed(1)} s` +
        (settled.idle ? '' : ' (the figures below share the machine with them)'),
    );

    // b. Rebuild against the scan of what it reads; the first scan only warms the cache.
    const queries = scanQueries(mysql);
    const scanOnce = async () => {
      const started = performance.now();
      for (const [, sql] of queries) await db.query(sql);
      return (performance.now() - started) / 1000;
    };
    await scanOnce();
    const scanSeconds = Math.min(await scanOnce(), await scanOnce());
    log(`covering-index scan of ${queries.map(([t]) => t).join(', ')}: ${scanSeconds.toFixed(2)} s (best of 2)`);
    const rebuildStarted = performance.now();
    await app.get(RollupRebuilder).run(null);
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    const rebuildRatio = rebuildSeconds / scanSeconds;
    log(
      `rebuild of all rollups: ${rebuildSeconds.toFixed(1)} s, ${rebuildRatio.toFixed(1)}x the scan (goal <= 2: ${goal(rebuildRatio <= 2)})`,
    );

    // a. Dashboards over HTTP under 50 users, beside a trivial authenticated endpoint.
    const token = await signIn(baseUrl, app.get(IdentityApi));
    const headers = { authorization: `Bearer ${token}` };
    const load = (path: string) => ctx.measure({ url: `${baseUrl}${path}`, headers, connections: USERS });
    const probe = await fetch(`${baseUrl}/api/monitoring/overview?node=${PROVINCE}`, { headers });
    if (probe.status !== 200)
      throw new Error(`GET /api/monitoring/overview answered ${probe.status}: ${await probe.text()}`);
    const me = await load('/api/me');
    const nation = await load('/api/monitoring/overview');
    const province = await load(`/api/monitoring/overview?node=${PROVINCE}`);
    log(`GET /api/me: p50 ${me.latencyP50Ms} ms, p99 ${me.latencyP99Ms} ms, ${me.rps.toFixed(0)} req/s`);
    // The same 50 users as people: each asks, reads for a while, and asks again; 500
    // answers per path, so that the p99 rests on five of them.
    const paced = async (path: string) => {
      const requests = Array.from({ length: USERS * PACED_CLICKS }, () => ({ path, token }));
      await burst({ baseUrl, method: 'GET', requests: requests.slice(0, USERS), connections: USERS });
      const run = await burst({ baseUrl, method: 'GET', requests, connections: USERS, thinkMs: THINK_MS });
      if (run.measurement.failed > 0) {
        throw new Error(
          `GET ${path}: ${run.measurement.failed} of ${requests.length} failed: ${run.samples.join(' | ')}`,
        );
      }
      return run.measurement;
    };
    const mePaced = await paced('/api/me');
    const nationPaced = await paced('/api/monitoring/overview');
    const provincePaced = await paced(`/api/monitoring/overview?node=${PROVINCE}`);
    for (const [what, m] of [
      ['GET /api/me', mePaced],
      ['overview nation', nationPaced],
      [`overview province ${PROVINCE}`, provincePaced],
    ] as const) {
      log(
        `${what}, ${USERS} users pausing ${THINK_MS / 1000} s between clicks: p50 ${m.latencyP50Ms} ms, ` +
          `p99 ${m.latencyP99Ms} ms over ${m.ok} answers` +
          (what === 'GET /api/me' ? '' : ` (goal p99 < 50 ms: ${goal(m.latencyP99Ms < 50)})`),
      );
    }
    for (const [what, m] of [
      ['nation', nation],
      [`province ${PROVINCE}`, province],
    ] as const) {
      log(
        `overview ${what}: p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms, ${m.rps.toFixed(0)} req/s ` +
          `(goal p99 < 50 ms: ${goal(m.latencyP99Ms < 50)})`,
      );
    }

    // c. Per-event JP leaf refreshes (after a credit each, distinct people) against one-row commits.
    const year = ledgerYearOf(new Date());
    const ids: Array<{ id: string }> = await db.query(
      'SELECT id FROM user_account WHERE employee_type IS NOT NULL AND active = ? ORDER BY id LIMIT 20000',
      [1],
    );
    const creditId = idMaker(0x30, Date.now() % 0xffffff);
    const credits = ids.map(({ id }) => [
      creditId(),
      id,
      year,
      10,
      'external',
      creditId(),
      'Bench credit',
      sqlDate(new Date()),
    ]);
    for (let i = 0; i < credits.length; i += 1000) {
      const slice = credits.slice(i, i + 1000);
      await db.query(
        `INSERT INTO jp_ledger_entry (id, user_id, year, jp_tenths, source, source_id, title, earned_at) VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        slice.flat(),
      );
    }
    const tx = app.get(TransactionRunner);
    const refresher = app.get(LeafRefresher);
    const jp = app.get<LeafKindMap>(LEAF_KINDS).jp;
    await db.query('CREATE TABLE bench_national_scratch (id varchar(36) PRIMARY KEY, n int NOT NULL)');
    let refresh: Measurement;
    let commit: Measurement;
    const group = { rate: 0, done: 0, measurement: measurement(1, 0) };
    try {
      const scratchId = idMaker(0x31, Date.now() % 0xffffff);
      commit = await loop(ctx.durationSec, Infinity, (i) =>
        tx.run((m) => m.query('INSERT INTO bench_national_scratch (id, n) VALUES (?, ?)', [scratchId(), i])),
      );
      refresh = await loop(ctx.durationSec, ids.length, (i) => refresher.refresh(jp, { userId: ids[i].id, year }));
      // As the refresh job runs them when events come together: GROUP keys per transaction.
      const offset = refresh.ok;
      const groups = Math.floor((ids.length - offset) / GROUP);
      const grouped = await loop(ctx.durationSec, groups, (g) =>
        refresher.refreshMany(
          jp,
          ids.slice(offset + g * GROUP, offset + (g + 1) * GROUP).map(({ id }) => ({ userId: id, year })),
        ),
      );
      group.rate = (grouped.ok * GROUP) / grouped.durationSec;
      group.done = offset + grouped.ok * GROUP;
      group.measurement = { ...grouped, rps: group.rate, ok: grouped.ok * GROUP };
    } finally {
      await db.query('DROP TABLE bench_national_scratch');
      // Leave the data set as it was: remove the credits, bring the refreshed leaves back.
      await db.query("DELETE FROM jp_ledger_entry WHERE title = 'Bench credit' AND source = 'external'");
    }
    for (let i = 0; i < Math.max(refresh.ok, group.done); i += GROUP) {
      await refresher.refreshMany(
        jp,
        ids.slice(i, i + GROUP).map(({ id }) => ({ userId: id, year })),
      );
    }
    const eventRatio = refresh.rps / commit.rps;
    log(
      `JP leaf refresh ${refresh.rps.toFixed(0)}/s vs one-row commit ${commit.rps.toFixed(0)}/s: ` +
        `${eventRatio.toFixed(2)} (goal >= 0.5: ${goal(eventRatio >= 0.5)})`,
    );
    const groupedRatio = group.rate / commit.rps;
    log(
      `JP leaf refresh, ${GROUP} per transaction: ${group.rate.toFixed(0)} leaves/s, ` +
        `${groupedRatio.toFixed(2)} of the one-row commit rate (goal >= 0.5: ${goal(groupedRatio >= 0.5)})`,
    );

    // d. A national people list exported (CSV) through the queued job, against the same rows
    // read straight from the leaf table after the last one and written as CSV lines.
    const exportRun = await nationalExport(baseUrl, headers, db, year);
    log(
      `export of the national list of ASN below their JP target (${exportRun.rows} rows): ${exportRun.seconds.toFixed(1)} s, ` +
        `${(exportRun.rows / exportRun.seconds).toFixed(0)} rows/s, peak RSS +${exportRun.peakMb.toFixed(0)} MB; ` +
        `plain keyset read + CSV ${exportRun.baselineSeconds.toFixed(1)} s (${(exportRun.seconds / exportRun.baselineSeconds).toFixed(1)}x)`,
    );

    // e. A people list page deep down by cursor, and the deepest page a number may ask for.
    const deep = await deepPage(baseUrl, headers, db, year);
    log(
      `people list page ${deep.page} of ${Math.ceil(deep.total / 20)} (national, below the JP target): ` +
        `after a cursor ${deep.byCursor.toFixed(1)} ms, before a cursor ${deep.byBefore.toFixed(1)} ms; ` +
        `page ${deep.numberPage} by its number ${deep.byNumber.toFixed(1)} ms` +
        `${deep.page > deep.numberPage ? ` (page ${deep.page} by its number: 400, deeper than ${MAX_SKIPPED} rows)` : ''}; ` +
        `first page ${deep.first.toFixed(1)} ms (medians of ${PAGE_SAMPLES})`,
    );

    const scale = `${people.toLocaleString('en-US')} ASN`;
    const figures: Figure[] = [
      {
        metric: `GET /api/monitoring/overview (nation, ${scale}) p99 at ${USERS} connections asking back to back vs GET /api/me p99`,
        unit: 'ms',
        value: nation.latencyP99Ms,
        baseline: me.latencyP99Ms,
        measurement: nation,
      },
      {
        metric: `GET /api/monitoring/overview?node=${PROVINCE} (province) p99 at ${USERS} connections asking back to back vs GET /api/me p99`,
        unit: 'ms',
        value: province.latencyP99Ms,
        baseline: me.latencyP99Ms,
        measurement: province,
      },
      {
        metric: `GET /api/monitoring/overview (nation) p99, ${USERS} users pausing ${THINK_MS / 1000} s between clicks, vs GET /api/me (goal p99 < 50 ms)`,
        unit: 'ms',
        value: nationPaced.latencyP99Ms,
        baseline: mePaced.latencyP99Ms,
        measurement: nationPaced,
      },
      {
        metric: `GET /api/monitoring/overview?node=${PROVINCE} (province) p99, ${USERS} users pausing ${THINK_MS / 1000} s between clicks, vs GET /api/me`,
        unit: 'ms',
        value: provincePaced.latencyP99Ms,
        baseline: mePaced.latencyP99Ms,
        measurement: provincePaced,
      },
      {
        metric: `rebuild of all rollups (${scale}) vs a covering-index scan of the source rows (goal <= 2)`,
        unit: 's',
        value: rebuildSeconds,
        baseline: scanSeconds,
        measurement: measurement(rebuildSeconds, 1),
      },
      {
        metric: `CSV export of the national list below the JP target (${exportRun.rows} rows, queued job) vs a plain keyset read written as CSV`,
        unit: 's',
        value: exportRun.seconds,
        baseline: exportRun.baselineSeconds,
        measurement: measurement(exportRun.seconds, exportRun.rows),
      },
      {
        metric: `people list page ${deep.numberPage}, the deepest by number (OFFSET ${(deep.numberPage - 1) * 20}), vs its first page, median`,
        unit: 'ms',
        value: deep.byNumber,
        baseline: deep.first,
        measurement: measurement(deep.byNumber / 1000, 1),
      },
      {
        metric: `people list page ${deep.page} (national, ${deep.total} rows) after the cursor of the page before vs its first page, median`,
        unit: 'ms',
        value: deep.byCursor,
        baseline: deep.first,
        measurement: measurement(deep.byCursor / 1000, 1),
      },
      {
        metric: `people list page ${deep.page} (national, ${deep.total} rows) before the cursor of the page after vs its first page, median`,
        unit: 'ms',
        value: deep.byBefore,
        baseline: deep.first,
        measurement: measurement(deep.byBefore / 1000, 1),
      },
      {
        metric: 'JP leaf refresh after a credit (distinct people, one writer) vs one-row commit (goal >= 0.5)',
        unit: '/s',
        value: refresh.rps,
        baseline: commit.rps,
        measurement: refresh,
      },
      {
        metric: `JP leaf refresh, ${GROUP} distinct people per transaction (as the refresh job groups them) vs one-row commit`,
        unit: '/s',
        value: group.rate,
        baseline: commit.rps,
        measurement: group.measurement,
      },
    ];
    return figures;
  },
};
