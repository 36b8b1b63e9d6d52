// Nest 12 and a few of its dependencies ship as ES modules only. Node runs them
// from our CommonJS build through require(esm); Jest has its own loader, so those
// packages are transformed to CommonJS by SWC like our own TypeScript.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function esmOnlyPackages(root = join(__dirname, 'node_modules')) {
  const names = [];
  for (const entry of readdirSync(root)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@') ? readdirSync(join(root, entry)).map((s) => `${entry}/${s}`) : [entry];
    for (const name of dirs) {
      const manifest = join(root, name, 'package.json');
      if (!existsSync(manifest)) continue;
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).type === 'module') names.push(name);
      } catch {
        /* not a package */
      }
    }
  }
  return names;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Also transformed: CommonJS packages that load an ES module with import(). Left alone, Jest
// runs that import as a vm module, which Node 20 never frees, and the module's evaluation
// keeps the async context it started in: the test file's app, ~50 MB a file.
const dynamicImporters = ['@fastify/cookie'];
const esm = [...esmOnlyPackages(), ...dynamicImporters].map(escapeRegExp).join('|');

const swc = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    module: { type: 'commonjs', ignoreDynamic: false },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esm})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
  testTimeout: 60000,
  // Jest's default is one worker per core minus one: a single worker on these 2-core machines.
  // The suites spend much of their time waiting (queue drains, timers, the database), so two
  // workers measured 191 s against 492 s for npm test. The MariaDB + BullMQ suite runs two as
  // well (package.json), since the test drain waits for three quiet passes in a row.
  maxWorkers: 2,
  // A worker keeps some of every test file it ran (each file boots a Nest app): over a whole
  // run a worker grew to about 3 GB, and a CI run once stalled in one file, its worker
  // presumably near V8's 4 GB heap limit. Past this, a worker is replaced between files.
  workerIdleMemoryLimit: '1GB',
};
