export * from './job-handler.decorator';
export * from './job-registry';
export * from './job-transport';
export * from './jobs';
export * from './outbox-message.entity';
export * from './outbox-relay';
export * from './outbox.service';
export * from './queue.module';
