import type { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../libs/config';
import { AppModule } from '../../src/app.module';

/**
 * Runs a probe (a one-off measurement over the data set in DATABASE_URL) in an application
 * context without HTTP, jobs or demo data, then exits: 0 when it finished, 1 with the error.
 */
export function runProbe(
  work: (app: INestApplicationContext) => Promise<void>,
  logger: LogLevel[] = ['error', 'warn'],
) {
  const config = loadConfig({ ...process.env, APP_ROLE: 'api', REDIS_URL: undefined, DEMO_DATA: 'false' });
  NestFactory.createApplicationContext(AppModule.forRoot(config), { logger })
    .then(async (app) => {
      await work(app);
      await app.close();
    })
    .then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
}
