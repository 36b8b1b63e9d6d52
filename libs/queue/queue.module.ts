import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  BeforeApplicationShutdown,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../config';
import { BullMqTransport } from './bullmq.transport';
import { BullMqWorkers } from './bullmq.workers';
import { InProcessTransport } from './in-process.transport';
import { JobRegistry } from './job-registry';
import { JOB_TRANSPORT, JobTransport } from './job-transport';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { OutboxSignal } from './outbox-signal';

/** Starts the relay (and BullMQ workers) for the configured role, and stops them cleanly. */
@Injectable()
class QueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private workers: BullMqWorkers | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_TRANSPORT) private readonly transport: JobTransport,
    private readonly relay: OutboxRelay,
    private readonly registry: JobRegistry,
    private readonly signal: OutboxSignal,
  ) {}

  onApplicationBootstrap(): void {
    const runsJobs = this.config.role !== 'api';
    // With BullMQ every process relays (rows written by the API reach Redis at once);
    // in-process, relaying means running the job, which is the worker's business.
    if (this.transport.kind === 'bullmq' || runsJobs) {
      this.signal.subscribe(() => this.relay.kick());
      this.relay.start(this.config.outboxPollMs);
    }
    if (this.transport.kind === 'bullmq' && runsJobs && this.config.redis) {
      this.workers = new BullMqWorkers(this.registry, this.config.redis.url, this.config.redis.prefix);
      this.workers.start();
    }
  }

  /**
   * Before, not on, shutdown: TypeORM closes its connections on shutdown, and a relay pass or
   * a job still running then (a deploy's SIGTERM) would fail on a closed database. Here they
   * finish on an open one.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.workers?.stop();
    await this.transport.close();
  }
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const redis = config.redis;
    return {
      module: QueueModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([OutboxMessage])],
      providers: [
        OutboxSignal,
        OutboxService,
        JobRegistry,
        OutboxRelay,
        QueueLifecycle,
        InProcessTransport,
        {
          provide: JOB_TRANSPORT,
          inject: [InProcessTransport],
          useFactory: (inProcess: InProcessTransport): JobTransport =>
            redis ? new BullMqTransport(redis.url, redis.prefix) : inProcess,
        },
      ],
      exports: [OutboxService, OutboxRelay, JOB_TRANSPORT],
    };
  }
}
