/**
 * Times one monitoring rebuild over the data set already in DATABASE_URL (from
 * `npm run seed:national -- --no-rebuild`), phase by phase as RollupRebuilder logs them:
 *   npm run build --silent && DATABASE_URL=mysql://... node dist/test/bench/rebuild-probe.js
 */
import { RollupRebuilder } from '../../src/modules/monitoring/rollups/rollup-rebuilder';
import { runProbe } from './probe-app';

runProbe(
  async (app) => {
    const t = performance.now();
    await app.get(RollupRebuilder).run(null);
    console.log('total', ((performance.now() - t) / 1000).toFixed(1));
  },
  ['error', 'warn', 'log'],
);
