/**
 * Times one monitoring rebuild over the data set already in DATABASE_URL (from
 * `npm run seed:national -- --no-rebuild`), phase by phase as RollupRebuilder logs them:
 *   npm run build --silent && DATABASE_URL=mysql://... node dist/test/bench/rebuild-probe.js
 */
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../libs/config';
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';

async function main() {
  const config = loadConfig({ ...process.env, APP_ROLE: 'api', REDIS_URL: undefined, DEMO_DATA: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn', 'log'],
  });
  const t = performance.now();
  await app.get(RollupRebuilder).run(null);
  console.log('total', ((performance.now() - t) / 1000).toFixed(1));
  await app.close();
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
