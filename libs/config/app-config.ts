import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { AppRole, EnvironmentVariables } from './env.schema';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  role: AppRole;
  port: number;
  host: string;
  trustProxy: boolean;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  redis: { url: string; prefix: string } | null;
  auth: { jwtSecret: string; jwtTtlSeconds: number; cookieSecure: boolean };
  login: { maxFailuresPerAccount: number; maxAttemptsPerIp: number; windowSeconds: number };
  logLevel: string;
  demoData: boolean;
  uploadMaxBytes: number;
  outboxPollMs: number;
  /** E-mail of notifications: SMTP when a URL is given, else .eml files under DATA_DIR/mail-outbox. */
  mail: { smtpUrl: string | null; from: string; digestHourWib: number };
}

/** Raised at start-up; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) =>
      message.startsWith(e.property) ? message : `${e.property}: ${message}`,
    ),
  );
}

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : value === 'true' || value === '1';

/** Validates the environment and returns the typed configuration, or throws ConfigError. */
export function loadConfig(raw: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: false });
  const problems = describe(validateSync(vars, { whitelist: false, forbidUnknownValues: false }));
  const env = vars.NODE_ENV ?? 'development';
  if (env === 'production' && !vars.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = resolveDir(vars.DATA_DIR ?? './data');
  const database: DatabaseConfig = vars.DATABASE_URL
    ? { kind: 'mysql', url: vars.DATABASE_URL }
    : {
        kind: 'sqlite',
        file: vars.SQLITE_FILE === ':memory:' ? ':memory:' : join(dataDir, vars.SQLITE_FILE ?? 'bina.sqlite'),
      };
  const port = vars.PORT ?? 3000;
  return {
    env,
    role: vars.APP_ROLE ?? 'all',
    port,
    host: vars.HOST ?? '0.0.0.0',
    trustProxy: bool(vars.TRUST_PROXY, false),
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir,
    database,
    redis: vars.REDIS_URL ? { url: vars.REDIS_URL, prefix: vars.QUEUE_PREFIX ?? 'bina' } : null,
    auth: {
      jwtSecret: vars.JWT_SECRET ?? devSecret(dataDir),
      jwtTtlSeconds: vars.JWT_TTL_SECONDS ?? 8 * 3600,
      cookieSecure: bool(vars.COOKIE_SECURE, env === 'production'),
    },
    login: {
      maxFailuresPerAccount: vars.LOGIN_MAX_FAILURES_PER_ACCOUNT ?? 5,
      maxAttemptsPerIp: vars.LOGIN_MAX_ATTEMPTS_PER_IP ?? 30,
      windowSeconds: vars.LOGIN_WINDOW_SECONDS ?? 15 * 60,
    },
    logLevel: vars.LOG_LEVEL ?? (env === 'test' ? 'silent' : 'info'),
    demoData: bool(vars.DEMO_DATA, database.kind === 'sqlite'),
    uploadMaxBytes: (vars.UPLOAD_MAX_MB ?? 20) * 1024 * 1024,
    outboxPollMs: vars.OUTBOX_POLL_MS ?? 1000,
    mail: {
      smtpUrl: vars.SMTP_URL ?? null,
      from: vars.MAIL_FROM ?? 'Bina <no-reply@bina.local>',
      digestHourWib: vars.DIGEST_HOUR_WIB ?? 7,
    },
  };
}

function resolveDir(dir: string): string {
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}

/**
 * Outside production a secret is generated once and kept beside the data, so that a
 * newcomer needs no configuration and no secret ever sits in the repository.
 */
function devSecret(dataDir: string): string {
  const file = join(dataDir, '.dev-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
