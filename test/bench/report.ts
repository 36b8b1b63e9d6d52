import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../libs/common/project-root';
import type { Measurement } from './load';
import type { Figure, Scenario } from './scenario';

export interface ScenarioResult {
  scenario: Scenario;
  figures: Figure[];
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 1 ? 1 : 4));

export function printTable(results: ScenarioResult[]): void {
  const rows = [['scenario', 'metric', 'value', 'baseline', 'ratio', 'p50 / p99 ms']];
  for (const { scenario, figures } of results) {
    for (const f of figures) {
      rows.push([
        scenario.name,
        f.metric,
        `${fmt(f.value)} ${f.unit}`,
        `${fmt(f.baseline)} ${f.unit}`,
        (f.value / f.baseline).toFixed(4),
        `${f.measurement.latencyP50Ms} / ${f.measurement.latencyP99Ms}`,
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(
    ['', line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), ''].join('\n'),
  );
}

/** bench/results/<scenario>.json, so that runs (and machines) can be compared. */
export function writeResult(result: ScenarioResult, baseline: Measurement, setup: Record<string, unknown>): string {
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.scenario.name}.json`);
  const cpu = cpus();
  const doc = {
    scenario: result.scenario.name,
    description: result.scenario.description,
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: { model: cpu[0]?.model ?? 'unknown', count: cpu.length },
    setup,
    baseline: { name: 'nest-fastify-hello', ...baseline },
    figures: result.figures.map((f) => ({
      metric: f.metric,
      unit: f.unit,
      value: Number(f.value.toFixed(2)),
      baseline: Number(f.baseline.toFixed(2)),
      ratio: Number((f.value / f.baseline).toFixed(5)),
      ...f.measurement,
    })),
  };
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}
