import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const made: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bina-config-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('needs nothing to start the embedded default: SQLite under DATA_DIR, in-process jobs, demo data', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      env: 'development',
      role: 'all',
      port: 3000,
      database: { kind: 'sqlite', file: join(dir, 'bina.sqlite') },
      redis: null,
      demoData: true,
    });
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).auth.jwtSecret).toBe(config.auth.jwtSecret);
  });

  it('runs on MySQL and BullMQ when both URLs are given, without demo data by default', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://bina:pw@db:3306/bina',
      REDIS_URL: 'redis://cache:6379',
      APP_ROLE: 'worker',
    });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://bina:pw@db:3306/bina' });
    expect(config.redis).toEqual({ url: 'redis://cache:6379', prefix: 'bina' });
    expect(config.role).toBe('worker');
    expect(config.demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_ROLE: 'web' }, 'APP_ROLE'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ LOGIN_WINDOW_SECONDS: '1' }, 'LOGIN_WINDOW_SECONDS'],
    [{ DEMO_DATA: 'yes please' }, 'DEMO_DATA'],
  ])('refuses %j and names %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(variable);
  });

  it('lists every wrong variable at once', () => {
    const problems = problemsOf({ PORT: 'x', APP_ROLE: 'y' });
    expect(problems.some((p) => p.includes('PORT'))).toBe(true);
    expect(problems.some((p) => p.includes('APP_ROLE'))).toBe(true);
  });
});
