import 'reflect-metadata';
import { ConfigError, loadConfig } from '../libs/config';
import { createHttpApp, createWorkerContext } from './bootstrap';
import { DemoSeeder } from './demo/demo-seeder';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }

  if (config.role === 'worker') {
    await createWorkerContext(config);
    console.log(`Bina worker running (jobs on ${config.redis ? 'BullMQ/Redis' : 'in-process'})`);
    return;
  }

  const app = await createHttpApp(config);
  await app.listen({ port: config.port, host: config.host });
  const demo = config.demoData ? await app.get(DemoSeeder).seedIfEmpty() : null;
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'MySQL';
  const lines = [
    '',
    `  Bina is running at ${config.publicUrl}  (role ${config.role}, ${where}, jobs ${config.redis ? 'on BullMQ' : 'in-process'})`,
    `  API documentation: ${config.publicUrl}/api/docs`,
  ];
  if (demo) {
    lines.push('', `  Demo logins (password for all: ${demo.password})`);
    for (const login of demo.logins)
      lines.push(`    ${login.role.padEnd(15)} ${login.username.padEnd(30)} ${login.name}`);
  }
  console.log(lines.join('\n') + '\n');
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
