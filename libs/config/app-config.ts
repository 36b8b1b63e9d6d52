import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { AppRole, EnvironmentVariables } from './env.schema';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  role: AppRole;
  port: number;
  host: string;
  /** Fastify's trustProxy: false, a number of hops, or the proxies' addresses. */
  trustProxy: false | number | string;
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
  certificateSigning: {
    /**
     * PKCS#8 PEM of the Ed25519 key that signs certificate credentials. Null: the signing
     * module generates a development key, or refuses to start in production on MySQL.
     */
    keyPem: string | null;
    /** Earlier public keys still trusted after a key rotation, as given: base64 SPKI DER or did:key. */
    previousPublicKeys: string[];
  };
  /** E-mail of notifications: SMTP when a URL is given, else .eml files under DATA_DIR/mail-outbox. */
  mail: { smtpUrl: string | null; from: string; digestHourWib: number };
  /** Monitoring exports: how many days a finished file is kept. */
  monitoringExports: { ttlDays: number };
  /** How long a dashboard overview may be served from memory (the rollups move every few seconds anyway). */
  monitoringCacheSeconds: number;
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

/**
 * `true` means the one load balancer in front: trusting every hop instead (Fastify's `true`)
 * would take the left-most X-Forwarded-For entry, which the client writes, as its address,
 * and a made-up header on each request would escape every per-IP limit.
 */
function trustedProxies(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value.replace(/\s+/g, '');
}

/** Validates the environment and returns the typed configuration, or throws ConfigError. */
export function loadConfig(raw: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: false });
  const problems = describe(validateSync(vars, { whitelist: false, forbidUnknownValues: false }));
  const env = vars.NODE_ENV ?? 'development';
  if (env === 'production' && !vars.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)');
  }
  const signingKeyPem = vars.CERTIFICATE_SIGNING_KEY ? signingKeyPemOf(vars.CERTIFICATE_SIGNING_KEY, problems) : null;
  const previousPublicKeys = previousPublicKeysOf(vars.CERTIFICATE_PREVIOUS_PUBLIC_KEYS, problems);
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
    trustProxy: trustedProxies(vars.TRUST_PROXY),
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
    certificateSigning: { keyPem: signingKeyPem, previousPublicKeys },
    mail: {
      smtpUrl: vars.SMTP_URL ?? null,
      from: vars.MAIL_FROM ?? 'Bina <no-reply@bina.local>',
      digestHourWib: vars.DIGEST_HOUR_WIB ?? 7,
    },
    monitoringExports: { ttlDays: vars.MONITORING_EXPORT_TTL_DAYS ?? 7 },
    monitoringCacheSeconds: vars.MONITORING_CACHE_SECONDS ?? 5,
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

const SIGNING_KEY_FORMAT =
  'must be the PKCS#8 PEM of an Ed25519 private key (openssl genpkey -algorithm ed25519), or that PEM base64-encoded on one line';

/**
 * The signing key as a PEM, whichever accepted form it came in: a PEM (its line breaks
 * possibly written as "\n" by an env file) or that PEM base64-encoded on one line. Problems
 * name the variable and never quote the value: it is a secret.
 */
function signingKeyPemOf(value: string, problems: string[]): string | null {
  const text = value.trim();
  const pem = text.startsWith('-----BEGIN')
    ? text.replace(/\\n/g, '\n')
    : Buffer.from(text, 'base64').toString('utf8').trim();
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    if (key.asymmetricKeyType === 'ed25519') return key.export({ type: 'pkcs8', format: 'pem' }).toString();
    problems.push(`CERTIFICATE_SIGNING_KEY: this is an ${key.asymmetricKeyType} key; it ${SIGNING_KEY_FORMAT}`);
  } catch {
    problems.push(`CERTIFICATE_SIGNING_KEY: ${SIGNING_KEY_FORMAT}`);
  }
  return null;
}

/** did:key of an Ed25519 key ("z6Mk" + 44), optionally with its fragment; fully decoded by the signing module. */
const ED25519_DID_KEY = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{44})(#\1)?$/;

function previousPublicKeysOf(value: string | undefined, problems: string[]): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, i) => {
    if (!isEd25519PublicKeyText(entry)) {
      problems.push(
        `CERTIFICATE_PREVIOUS_PUBLIC_KEYS: entry ${i + 1} is neither a did:key nor the base64 SPKI DER of an Ed25519 public key`,
      );
    }
  });
  return entries;
}

function isEd25519PublicKeyText(entry: string): boolean {
  if (entry.startsWith('did:')) return ED25519_DID_KEY.test(entry);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(entry)) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(entry, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
