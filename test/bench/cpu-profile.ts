import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../libs/common/project-root';

// An optional CPU profile of one phase of a scenario (this process's main thread, where the
// app runs; the load generator's worker thread is not in it). Profiling slows the app down:
// figures of a profiled run are not comparable with others.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by package (node_modules/<name>, src, libs, node internals, idle, GC). */
  byPackage: Array<{ name: string; ms: number; share: number }>;
  byFunction: Array<{ name: string; ms: number; share: number }>;
}

export async function startCpuProfile(): Promise<{ stop(name: string): Promise<CpuProfileSummary> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(name: string) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      session.disconnect();
      const dir = join(PROJECT_ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      return { file, ...summarise(profile) };
    },
  };
}

function packageOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(idle)' || frame.functionName === '(garbage collector)') return frame.functionName;
  if (frame.functionName === '(program)') return '(program)';
  const url = frame.url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.includes('/dist/src/')) return 'app: src';
  if (url.includes('/dist/libs/')) return 'app: libs';
  if (url.includes('/dist/test/')) return 'bench';
  if (url.startsWith('node:')) return 'node internals';
  return url ? 'other' : '(native / V8 builtins)';
}

function summarise(profile: CpuProfile): Omit<CpuProfileSummary, 'file'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0)));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    total += us;
    const pkg = packageOf(frame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '')}:${frame.lineNumber + 1}` : '';
    const fn = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: us / Math.max(1, total) }));
  return { totalMs: Math.round(total / 1000), byPackage: top(packages, 12), byFunction: top(functions, 15) };
}
