import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

// The reference point of every figure: the cheapest thing Nest on Fastify can serve
// on this machine, in this process, in this run.
@Controller()
class HelloController {
  @Get('hello')
  hello() {
    return { ok: true };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startBaseline(): Promise<RunningServer> {
  const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${await app.getUrl()}/hello`.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
