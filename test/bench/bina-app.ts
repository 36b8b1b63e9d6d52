import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '../../libs/config';
import { deleteQueueKeys } from '../../libs/queue/redis-connection';
import { createHttpApp } from '../../src/bootstrap';
import { DemoSeeder } from '../../src/demo/demo-seeder';

export const BENCH_PASSWORD = 'bench-password-123';

/** Variables a caller may set to bench against other infrastructure (MySQL, Redis). */
const HONOURED = ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'LOG_LEVEL'] as const;

export interface BinaUnderTest {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the real application (role all) on a free port, with demo data whose password is known. */
export async function startBina(): Promise<BinaUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bina-bench-'));
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    APP_ROLE: 'all',
    HOST: '127.0.0.1',
    PORT: '0',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    // Every login of the run comes from 127.0.0.1: lift the per-IP and per-account limits.
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    DATA_DIR: dataDir,
    // Production refuses to start without a configured signing key: the run gets a throwaway one.
    CERTIFICATE_SIGNING_KEY: Buffer.from(
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ).toString('base64'),
  };
  for (const name of HONOURED) if (process.env[name]) env[name] = process.env[name];
  // A run's own BullMQ keys are removed afterwards; a QUEUE_PREFIX given by the caller is left alone.
  const ownPrefix = env.QUEUE_PREFIX ? null : `bina-bench-${randomBytes(4).toString('hex')}`;
  if (ownPrefix) env.QUEUE_PREFIX = ownPrefix;
  const config = loadConfig(env);

  const app = await createHttpApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  await app.get(DemoSeeder).seedIfEmpty(BENCH_PASSWORD);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (config.redis && ownPrefix) await deleteQueueKeys(config.redis.url, ownPrefix);
    },
  };
}
