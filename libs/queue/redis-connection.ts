import IORedis, { RedisOptions } from 'ioredis';

/**
 * Producers fail fast when Redis is down (the outbox keeps the work); workers wait
 * and reconnect forever, as BullMQ requires.
 */
export function redisConnection(url: string, role: 'producer' | 'worker' | 'probe'): IORedis {
  const options: RedisOptions = {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 2000,
    lazyConnect: role !== 'worker',
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  const connection = new IORedis(url, options);
  connection.on('error', () => {
    /* surfaced by the calls that need Redis; avoid unhandled 'error' events */
  });
  return connection;
}

/** BullMQ keys carry a hash tag so every key of a queue lands on one Redis Cluster slot. */
export function bullPrefix(prefix: string): string {
  return `{${prefix}}`;
}

/** BullMQ reserves ':' inside ids. */
export function bullJobId(jobId: string): string {
  return jobId.replace(/:/g, '|');
}

/** Removes every BullMQ key of a queue prefix (test runs and bench runs clean up after themselves). */
export async function deleteQueueKeys(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${bullPrefix(prefix)}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
