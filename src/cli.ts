import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../libs/config';
import { dataSourceOptions, migrate, widenLongText } from '../libs/database';
import { redisConnection } from '../libs/queue/redis-connection';
import { MIGRATIONS } from '../migrations';
import { ALL_ENTITIES } from './entities';

/**
 * Operations without the HTTP server:
 *   node dist/src/cli.js migrate   apply pending migrations and exit
 *   node dist/src/cli.js health    exit 0 when the database (and Redis, if configured) answer;
 *                                  the worker container's health check
 */
async function main(command: string | undefined): Promise<number> {
  const config = loadConfig(process.env);
  const dataSource = new DataSource(dataSourceOptions(config.database, ALL_ENTITIES, MIGRATIONS));
  widenLongText(await dataSource.initialize());
  try {
    if (command === 'migrate') {
      const applied = await migrate(dataSource);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
      return 0;
    }
    if (command === 'health') {
      await dataSource.query('SELECT 1');
      if (config.redis) {
        const redis = redisConnection(config.redis.url, 'probe');
        try {
          await redis.connect();
          if ((await redis.ping()) !== 'PONG') return 1;
        } finally {
          redis.disconnect();
        }
      }
      console.log('ok');
      return 0;
    }
    console.error('Usage: cli.js migrate | health');
    return 64;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(err instanceof ConfigError ? 78 : 1);
  },
);
