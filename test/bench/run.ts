import 'reflect-metadata';
import { startBaseline } from './baseline-app';
import { startBina } from './bina-app';
import { measure } from './load';
import { printTable, ScenarioResult, writeResult } from './report';
import type { BenchContext } from './scenario';
import { SCENARIOS } from './scenarios';

// npm run bench [-- scenario-name ...]
// BENCH_DURATION (seconds per measurement, default 8) and BENCH_CONNECTIONS (default 32)
// tune the load; DATABASE_URL / REDIS_URL bench against MySQL / BullMQ instead of SQLite.
const positiveInt = (value: string | undefined, fallback: number) =>
  value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : fallback;

async function main(): Promise<void> {
  const started = Date.now();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) {
    throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const scenarios = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
  const durationSec = positiveInt(process.env.BENCH_DURATION, 8);
  const connections = positiveInt(process.env.BENCH_CONNECTIONS, 32);

  const hello = await startBaseline();
  console.log(`bench: baseline  GET ${hello.url}  (${durationSec} s, ${connections} connections)`);
  const baseline = await measure({ url: hello.url, durationSec, connections });
  await hello.close();

  const bina = await startBina();
  const setup = {
    database: bina.config.database.kind,
    jobs: bina.config.redis ? 'bullmq' : 'in-process',
    role: bina.config.role,
    durationSec,
    connections,
  };
  console.log(`bench: Bina at ${bina.baseUrl}  (${setup.database}, jobs ${setup.jobs})`);
  const ctx: BenchContext = {
    bina,
    baseline,
    durationSec,
    connections,
    measure: (opts) => measure({ durationSec, connections, ...opts }),
  };

  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      console.log(`bench: scenario ${scenario.name}: ${scenario.description}`);
      const result = { scenario, figures: await scenario.run(ctx) };
      results.push(result);
      console.log(`bench: wrote ${writeResult(result, baseline, setup)}`);
    }
  } finally {
    await bina.close();
  }
  printTable(results);
  console.log(`bench: ${process.version}, ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);
