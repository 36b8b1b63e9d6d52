export * from './file-storage';
export * from './local-file-storage';
export * from './storage.module';
