export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './transaction-runner';
export * from './like';
export * from './schema';
export * from './dialect';
export * from './duplicate-key';
