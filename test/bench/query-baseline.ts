import { Controller, Get, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { RunningServer } from './baseline-app';

const DB = Symbol('DB');
const ROW_ID = Symbol('ROW_ID');

// The reference for endpoints that read the database: the cheapest such endpoint Nest on
// Fastify can serve, one primary-key lookup on the same database, in the same process.
@Controller()
class OneQueryController {
  constructor(
    @Inject(DB) private readonly db: DataSource,
    @Inject(ROW_ID) private readonly id: string,
  ) {}

  @Get('one-query')
  async one() {
    const rows: unknown[] = await this.db.query('SELECT id, title FROM course_version WHERE id = ?', [this.id]);
    return rows[0];
  }
}

/** A bare Nest/Fastify app whose one route runs one indexed query through the given DataSource. */
export async function startOneQueryBaseline(db: DataSource, versionId: string): Promise<RunningServer> {
  @Module({
    controllers: [OneQueryController],
    providers: [
      { provide: DB, useValue: db },
      { provide: ROW_ID, useValue: versionId },
    ],
  })
  class OneQueryModule {}
  const app = await NestFactory.create<NestFastifyApplication>(OneQueryModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${await app.getUrl()}/one-query`.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
