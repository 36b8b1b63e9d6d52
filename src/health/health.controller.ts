import { Controller, Get, HttpCode, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../libs/config';
import { redisConnection } from '../../libs/queue/redis-connection';

type Probe = 'up' | 'down' | 'not_configured';

/** Liveness and readiness for load balancers and compose: the database, and Redis when configured. */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private redis: IORedis | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([this.database(), this.redisProbe()]);
    const ok = database === 'up' && redis !== 'down';
    void reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      role: this.config.role,
      database: { status: database, kind: this.config.database.kind },
      redis: { status: redis },
    };
  }

  private async database(): Promise<Probe> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async redisProbe(): Promise<Probe> {
    if (!this.config.redis) return 'not_configured';
    this.redis ??= redisConnection(this.config.redis.url, 'probe');
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
      ]);
      return pong === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
