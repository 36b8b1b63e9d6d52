import { Logger } from '@nestjs/common';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError, loadConfig } from '../../../../libs/config';
import { signCredential, verifyCredential } from '../credential/credential';
import { didKeyOf, rawEd25519PublicKey, verificationMethodOf } from '../credential/did-key';
import { buildCredential } from '../credential/open-badge';
import { PlatformSigningKey } from './platform-signing-key';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bina-platform-key-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const MYSQL = 'mysql://bina:pw@db:3306/bina';
const JWT_SECRET = 'x'.repeat(40);
const configWith = (env: Record<string, string> = {}): AppConfig => loadConfig({ DATA_DIR: tempDir(), ...env });
const pemOf = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
const raw = (key: KeyObject) => rawEd25519PublicKey(key).toString('hex');

let logged: string[];
beforeEach(() => {
  logged = [];
  const capture = (message: unknown) => void logged.push(String(message));
  jest.spyOn(Logger.prototype, 'log').mockImplementation(capture);
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(capture);
});
afterEach(() => jest.restoreAllMocks());

describe('PlatformSigningKey', () => {
  it('signs with CERTIFICATE_SIGNING_KEY and trusts it first, then the earlier keys', () => {
    const configured = generateKeyPairSync('ed25519').privateKey;
    const earlier = generateKeyPairSync('ed25519').publicKey;
    const older = generateKeyPairSync('ed25519').publicKey;
    const key = new PlatformSigningKey(
      configWith({
        CERTIFICATE_SIGNING_KEY: Buffer.from(pemOf(configured)).toString('base64'),
        CERTIFICATE_PREVIOUS_PUBLIC_KEYS: `${didKeyOf(earlier)},${older.export({ type: 'spki', format: 'der' }).toString('base64')}`,
      }),
    );
    expect(key.current.verificationMethod).toBe(verificationMethodOf(configured));
    expect(key.trusted.map(raw)).toEqual([raw(configured), raw(earlier), raw(older)]);
    expect(logged).toEqual([]);
  });

  it('publishes the trusted keys as Multikey verification methods', () => {
    const configured = generateKeyPairSync('ed25519').privateKey;
    const key = new PlatformSigningKey(configWith({ CERTIFICATE_SIGNING_KEY: pemOf(configured) }));
    const did = didKeyOf(configured);
    expect(key.publicKeys).toEqual([
      {
        id: `${did}#${did.slice('did:key:'.length)}`,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: did.slice(8),
      },
    ]);
    expect(JSON.stringify(key.publicKeys)).not.toContain('PRIVATE');
  });

  it('lists a previous key equal to the current one only once', () => {
    const configured = generateKeyPairSync('ed25519').privateKey;
    const key = new PlatformSigningKey(
      configWith({
        CERTIFICATE_SIGNING_KEY: pemOf(configured),
        CERTIFICATE_PREVIOUS_PUBLIC_KEYS: didKeyOf(configured),
      }),
    );
    expect(key.trusted).toHaveLength(1);
  });

  it('signs credentials that its trusted keys verify', () => {
    const key = new PlatformSigningKey(configWith());
    const credential = buildCredential(
      {
        credentialUrl: 'https://bina.example.go.id/verifikasi/ABC',
        issuer: { id: 'https://bina.example.go.id/penerbit/nasional', name: 'Bina' },
        holderName: 'Siti',
        holderIdentifier: null,
        achievement: {
          id: 'https://bina.example.go.id/kursus/1',
          name: 'K',
          description: 'D',
          jp: 2,
          competencies: [],
        },
        validFrom: '2026-11-26T00:00:00Z',
        completedOn: '2026-11-25',
      },
      'salt',
    );
    expect(verifyCredential(signCredential(credential, key.current, new Date()), key.trusted)).toEqual({ valid: true });
  });

  it.each<[string, Record<string, string>]>([
    ['on the embedded SQLite default', {}],
    ['in development on MySQL', { NODE_ENV: 'development', DATABASE_URL: MYSQL }],
    ['in tests on MySQL', { NODE_ENV: 'test', DATABASE_URL: MYSQL }],
    ['in production on SQLite', { NODE_ENV: 'production', JWT_SECRET }],
  ])('without a configured key, %s, makes a development key under DATA_DIR and says where, once', (_, env) => {
    const config = configWith(env);
    const file = join(config.dataDir, 'keys', 'certificate-signing.pem');
    const first = new PlatformSigningKey(config);
    expect(existsSync(file)).toBe(true);
    expect(logged).toEqual([expect.stringContaining(file)]);
    expect(logged.join('\n')).not.toContain(readFileSync(file, 'utf8').split('\n')[1]);

    const restarted = new PlatformSigningKey(config);
    expect(raw(restarted.trusted[0])).toBe(raw(first.trusted[0]));
    expect(logged).toHaveLength(1);
  });

  it('warns, and keeps the key in memory, when DATA_DIR cannot hold it', () => {
    const config = { ...configWith(), dataDir: '/dev/null/bina' };
    const key = new PlatformSigningKey(config);
    expect(key.trusted).toHaveLength(1);
    expect(logged).toEqual([expect.stringContaining('kept in memory')]);
  });

  it('refuses to start in production on MySQL without a key, naming CERTIFICATE_SIGNING_KEY', () => {
    const config = configWith({ NODE_ENV: 'production', DATABASE_URL: MYSQL, JWT_SECRET });
    expect(() => new PlatformSigningKey(config)).toThrow(ConfigError);
    expect(() => new PlatformSigningKey(config)).toThrow(
      /CERTIFICATE_SIGNING_KEY: required when NODE_ENV=production on MySQL/,
    );
    expect(existsSync(join(config.dataDir, 'keys'))).toBe(false);
  });

  it('starts in production on MySQL with a key', () => {
    const configured = generateKeyPairSync('ed25519').privateKey;
    const config = configWith({
      NODE_ENV: 'production',
      DATABASE_URL: MYSQL,
      JWT_SECRET,
      CERTIFICATE_SIGNING_KEY: pemOf(configured),
    });
    expect(new PlatformSigningKey(config).current.verificationMethod).toBe(verificationMethodOf(configured));
  });

  it('names CERTIFICATE_PREVIOUS_PUBLIC_KEYS when an earlier key passes the shape check but does not decode', () => {
    const config = configWith();
    const broken = {
      ...config,
      certificateSigning: {
        keyPem: null,
        previousPublicKeys: ['did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme'],
      },
    };
    expect(() => new PlatformSigningKey(broken)).toThrow(/CERTIFICATE_PREVIOUS_PUBLIC_KEYS: entry 1/);
  });
});
