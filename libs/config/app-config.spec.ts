import { generateKeyPairSync, KeyObject } from 'node:crypto';
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

describe('certificate signing keys', () => {
  const ed25519 = () => generateKeyPairSync('ed25519');
  const pemOf = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const spkiBase64 = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).toString('base64');

  it('has no key by default: the signing module then makes a development key', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).certificateSigning).toEqual({ keyPem: null, previousPublicKeys: [] });
  });

  it.each<[string, (pem: string) => string]>([
    ['as a PEM', (pem) => pem],
    ['as a PEM whose line breaks an env file wrote as \\n', (pem) => pem.trim().replace(/\n/g, '\\n')],
    ['base64-encoded on one line', (pem) => Buffer.from(pem).toString('base64')],
  ])('reads the signing key given %s', (_, written) => {
    const pem = pemOf(ed25519().privateKey);
    const config = loadConfig({ DATA_DIR: dataDir(), CERTIFICATE_SIGNING_KEY: written(pem) });
    expect(config.certificateSigning.keyPem).toBe(pem);
  });

  it('keeps earlier public keys given as base64 SPKI DER or did:key, comma-separated', () => {
    const spki = spkiBase64(ed25519().publicKey);
    const didKey = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
    const config = loadConfig({ DATA_DIR: dataDir(), CERTIFICATE_PREVIOUS_PUBLIC_KEYS: ` ${spki} ,${didKey}, ` });
    expect(config.certificateSigning.previousPublicKeys).toEqual([spki, didKey]);
  });

  it.each<[string, () => Record<string, string>, string]>([
    [
      'a signing key that is no key',
      () => ({ CERTIFICATE_SIGNING_KEY: 'not a key at all' }),
      'CERTIFICATE_SIGNING_KEY',
    ],
    [
      'an RSA signing key',
      () => ({ CERTIFICATE_SIGNING_KEY: pemOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey) }),
      'CERTIFICATE_SIGNING_KEY',
    ],
    [
      'a public key as the signing key',
      () => ({ CERTIFICATE_SIGNING_KEY: ed25519().publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
      'CERTIFICATE_SIGNING_KEY',
    ],
    [
      'a truncated signing key',
      () => ({ CERTIFICATE_SIGNING_KEY: pemOf(ed25519().privateKey).slice(0, 60) }),
      'CERTIFICATE_SIGNING_KEY',
    ],
    [
      'an earlier key that is no key',
      () => ({ CERTIFICATE_PREVIOUS_PUBLIC_KEYS: 'abc' }),
      'CERTIFICATE_PREVIOUS_PUBLIC_KEYS',
    ],
    [
      'an earlier RSA key',
      () => ({
        CERTIFICATE_PREVIOUS_PUBLIC_KEYS: spkiBase64(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey),
      }),
      'CERTIFICATE_PREVIOUS_PUBLIC_KEYS',
    ],
    [
      'an earlier key that is a secp256k1 did:key',
      () => ({ CERTIFICATE_PREVIOUS_PUBLIC_KEYS: 'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme' }),
      'CERTIFICATE_PREVIOUS_PUBLIC_KEYS',
    ],
  ])('refuses %s and names the variable, never the value', (_, env, variable) => {
    const given = env();
    const problems = problemsOf(given).join('\n');
    expect(problems).toContain(variable);
    for (const value of Object.values(given)) expect(problems).not.toContain(value.slice(0, 40));
  });

  it('trusts only the load balancer in front for TRUST_PROXY=true, and takes hops or proxy addresses', () => {
    const trust = (value: string) => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: value }).trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.1')).toBe('10.0.0.0/8,192.168.1.1');
    expect(problemsOf({ TRUST_PROXY: 'yes please' })).toEqual([expect.stringContaining('TRUST_PROXY')]);
  });
});
