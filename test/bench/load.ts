// Thin typed wrapper over autocannon. The load generator runs in a worker thread so
// that it does not share the event loop of the server it measures (same process).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}

interface AutocannonResult {
  duration: number;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  durationSec: number;
  connections: number;
  warmupSec?: number;
}

export interface Measurement {
  /** Successful (2xx) responses per second over the measured period. */
  rps: number;
  ok: number;
  failed: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  durationSec: number;
  connections: number;
  statusCodes: Record<string, number>;
}

const MAX_FAILED_SHARE = 0.01;
/** Requests still queued in the server when the load stops finish before the next step. */
const DRAIN_MS = 1500;

async function fire(opts: LoadOptions, durationSec: number): Promise<AutocannonResult> {
  return autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections,
    duration: durationSec,
    workers: 1,
  });
}

/** Warms up, then measures; refuses a figure made of errors (rate limits, 5xx, refused connections). */
export async function measure(opts: LoadOptions): Promise<Measurement> {
  if ((opts.warmupSec ?? 1) > 0) await fire(opts, opts.warmupSec ?? 1);
  const r = await fire(opts, opts.durationSec);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const failed = r.non2xx + r.errors + r.timeouts;
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));
  const total = r['2xx'] + failed;
  if (total === 0 || failed / total > MAX_FAILED_SHARE) {
    throw new Error(
      `${opts.method ?? 'GET'} ${opts.url}: ${failed} of ${total} requests failed ` +
        `(status codes ${JSON.stringify(statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts)`,
    );
  }
  return {
    rps: r['2xx'] / r.duration,
    ok: r['2xx'],
    failed,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    durationSec: r.duration,
    connections: opts.connections,
    statusCodes,
  };
}
