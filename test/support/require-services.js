// Pre-flight for `npm run test:mysql`: MariaDB/MySQL and Redis must answer before Jest
// starts, so a missing service is one clear message instead of dozens of failed suites.
'use strict';

const mysql = require('mysql2/promise');
const IORedis = require('ioredis');

const TIMEOUT_MS = 5000;
const MYSQL_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Hides the password of a connection URL before printing it. */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function checkMysql() {
  let connection;
  try {
    connection = await withTimeout(mysql.createConnection({ uri: MYSQL_URL, connectTimeout: TIMEOUT_MS }), 'connect');
    const [rows] = await withTimeout(connection.query('SELECT VERSION() AS version'), 'query');
    return rows[0].version;
  } finally {
    if (connection) connection.destroy();
  }
}

async function checkRedis() {
  const redis = new IORedis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let lastError = null;
  redis.on('error', (err) => (lastError = err)); // reported through the rejection below
  try {
    await withTimeout(redis.connect(), 'connect').catch((err) => {
      throw lastError || err;
    });
    const pong = await withTimeout(redis.ping(), 'ping');
    if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
    const info = await withTimeout(redis.info('server'), 'info');
    return (/redis_version:(\S+)/.exec(info) || [])[1] || 'unknown version';
  } finally {
    redis.disconnect();
  }
}

const HELP = {
  mysql: [
    `MariaDB or MySQL at ${redact(MYSQL_URL)} (a user that may CREATE and DROP databases; tests make their own).`,
    'Start the local MariaDB with:',
    '  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
    'or point TEST_MYSQL_URL at another server, e.g. TEST_MYSQL_URL=mysql://root:secret@127.0.0.1:3306',
    '(docker compose up -d mysql redis starts both: TEST_MYSQL_URL=mysql://root:bina-local-root@127.0.0.1:3307',
    ' TEST_REDIS_URL=redis://127.0.0.1:6380).',
  ],
  redis: [
    `Redis at ${redact(REDIS_URL)}.`,
    'Start a local Redis with:',
    '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
    'or point TEST_REDIS_URL at another server, e.g. TEST_REDIS_URL=redis://127.0.0.1:6380',
  ],
};

async function main() {
  const results = await Promise.allSettled([checkMysql(), checkRedis()]);
  const names = ['mysql', 'redis'];
  const labels = { mysql: 'MariaDB/MySQL', redis: 'Redis' };
  let failed = false;
  results.forEach((result, i) => {
    const name = names[i];
    if (result.status === 'fulfilled') {
      console.log(
        `require-services: ${labels[name]} ${result.value} answers at ${redact(name === 'mysql' ? MYSQL_URL : REDIS_URL)}`,
      );
      return;
    }
    failed = true;
    const reason = result.reason && result.reason.message ? result.reason.message : String(result.reason);
    console.error(`\nrequire-services: ${labels[name]} is not reachable (${reason || 'connection refused'}).`);
    console.error(`npm run test:mysql needs ${HELP[name].join('\n')}`);
  });
  if (failed) {
    console.error('\nStart the missing service(s) and run npm run test:mysql again (npm test needs neither).');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error('require-services: unexpected error', err);
  process.exit(1);
});
