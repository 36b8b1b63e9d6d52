import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Measurement } from './load';

// A closed-loop load generator for requests that differ one from the next (a path, a
// token and a body per learner), which autocannon's one-URL runs cannot express. Like
// load.ts it runs in a worker thread, so that it does not share the event loop of the
// server it measures: `connections` keep-alive sockets, each sending its next request as
// soon as the previous one is answered, until every request of the list has been sent once.

export interface BurstRequest {
  path: string;
  /** Sent as `authorization: Bearer <token>`. */
  token?: string;
  /** A JSON body. */
  body?: string;
}

export interface BurstOptions {
  baseUrl: string;
  method: 'GET' | 'POST';
  requests: BurstRequest[];
  connections: number;
  /** A top-level field of each 2xx JSON answer to hand back (e.g. `id`), by request; `*` hands back the whole body. */
  pick?: string;
  timeoutMs?: number;
  /**
   * Each connection is a person who reads the answer before the next click: it pauses a
   * random time (uniform, 0 to twice this mean) before each request. Unset: no pause (the
   * most pressure the connections can make).
   */
  thinkMs?: number;
}

export interface BurstResult {
  measurement: Measurement;
  /** HTTP status by request; 0 for a network error or a timeout. */
  statuses: number[];
  /** The picked field by request (null when not asked for, not 2xx, or absent). */
  picked: Array<string | null>;
  /** A few answers that were not 2xx, to explain a failure. */
  samples: string[];
}

interface WorkerInput extends BurstOptions {
  benchBurst: true;
}

interface WorkerOutput {
  statuses: number[];
  latencies: number[];
  picked: Array<string | null>;
  samples: string[];
  seconds: number;
}

/** Sends every request once with `connections` in flight; resolves when the last one is answered. */
export function burst(opts: BurstOptions): Promise<BurstResult> {
  return new Promise((resolve, reject) => {
    const input: WorkerInput = { ...opts, benchBurst: true };
    const worker = new Worker(__filename, { workerData: input });
    worker.once('message', (out: WorkerOutput) => {
      void worker.terminate();
      resolve(summarise(out, opts.connections));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the burst worker exited with ${code}`));
    });
  });
}

function summarise(out: WorkerOutput, connections: number): BurstResult {
  const ok = out.statuses.filter((s) => s >= 200 && s < 300).length;
  const statusCodes: Record<string, number> = {};
  for (const s of out.statuses) statusCodes[String(s)] = (statusCodes[String(s)] ?? 0) + 1;
  const sorted = out.latencies.filter((_, i) => out.statuses[i] >= 200 && out.statuses[i] < 300).sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return {
    measurement: {
      rps: ok / out.seconds,
      ok,
      failed: out.statuses.length - ok,
      latencyP50Ms: at(0.5),
      latencyP99Ms: at(0.99),
      durationSec: Number(out.seconds.toFixed(3)),
      connections,
      statusCodes,
    },
    statuses: out.statuses,
    picked: out.picked,
    samples: out.samples,
  };
}

async function runInWorker(input: WorkerInput): Promise<WorkerOutput> {
  const base = new URL(input.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
  const n = input.requests.length;
  const statuses = new Array<number>(n).fill(0);
  const latencies = new Array<number>(n).fill(0);
  const picked = new Array<string | null>(n).fill(null);
  const samples: string[] = [];
  const timeoutMs = input.timeoutMs ?? 60_000;

  const send = (i: number) =>
    new Promise<void>((done) => {
      const r = input.requests[i];
      const headers: Record<string, string | number> = { accept: 'application/json' };
      if (r.token) headers.authorization = `Bearer ${r.token}`;
      if (r.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(r.body);
      }
      const t0 = performance.now();
      const req = request(
        { agent, host: base.hostname, port: base.port, method: input.method, path: r.path, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            statuses[i] = status;
            latencies[i] = performance.now() - t0;
            const ok = status >= 200 && status < 300;
            if (ok && input.pick) {
              try {
                const body = Buffer.concat(chunks).toString('utf8');
                const value = input.pick === '*' ? body : (JSON.parse(body) as Record<string, unknown>)[input.pick];
                picked[i] = typeof value === 'string' ? value : null;
              } catch {
                picked[i] = null;
              }
            }
            if (!ok && samples.length < 5)
              samples.push(`${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`);
            done();
          });
          res.on('error', () => done());
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (err) => {
        if (samples.length < 5) samples.push(`error ${err.message}`);
        statuses[i] = 0;
        done();
      });
      req.end(r.body);
    });

  let next = 0;
  const started = performance.now();
  const think = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * (input.thinkMs ?? 0)));
  const lane = async () => {
    for (;;) {
      if (input.thinkMs) await think();
      if (next >= n) return;
      await send(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(input.connections, n) }, lane));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { statuses, latencies, picked, samples, seconds };
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.benchBurst) {
  void runInWorker(workerData as WorkerInput).then((out) => parentPort!.postMessage(out));
}
