import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent over a stretch of a scenario by this process and by the local database
 * and Redis servers, read from /proc (Linux; elsewhere only this process is counted). On a
 * 2-core machine a rate is bounded by the sum of what every process spends per unit of
 * work, so this says where a job's time goes when the wall clock alone cannot.
 */
const SERVERS: Record<string, string[]> = {
  redis: ['redis-server'],
  database: ['mariadbd', 'mysqld'],
};

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function pidsOf(commands: string[]): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return commands.includes(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** user + system CPU seconds of a process, or 0 when it cannot be read. */
function cpuSecondsOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: the counters follow its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return 0;
  }
}

export interface CpuSpent {
  /** CPU seconds by process: `app` (this process), `redis`, `database` when found. */
  seconds: Record<string, number>;
  /** "app 0.21 ms, redis 0.05 ms, database 0.08 ms" per unit of work. */
  per(units: number): string;
}

function spent(seconds: Record<string, number>): CpuSpent {
  return {
    seconds,
    per(units) {
      const n = Math.max(1, units);
      return Object.entries(seconds)
        .map(([label, s]) => `${label} ${((s * 1000) / n).toFixed(3)} ms`)
        .join(', ');
    },
  };
}

/** What several stretches spent together (the rounds of one measurement). */
export function sumCpu(parts: CpuSpent[]): CpuSpent {
  const seconds: Record<string, number> = {};
  for (const part of parts) {
    for (const [label, s] of Object.entries(part.seconds)) seconds[label] = (seconds[label] ?? 0) + s;
  }
  return spent(seconds);
}

/** Starts counting; `stop()` returns what each process spent since. */
export function cpuMeter(): { stop(): CpuSpent } {
  const servers = Object.entries(SERVERS).map(([label, commands]) => ({ label, pids: pidsOf(commands) }));
  const serverSeconds = () =>
    servers.map(({ label, pids }) => [label, pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0)] as const);
  const selfStart = process.cpuUsage();
  const serversStart = serverSeconds();
  return {
    stop() {
      const self = process.cpuUsage(selfStart);
      const seconds: Record<string, number> = { app: (self.user + self.system) / 1e6 };
      serverSeconds().forEach(([label, now], i) => {
        if (servers[i].pids.length > 0) seconds[label] = now - serversStart[i][1];
      });
      return spent(seconds);
    },
  };
}
