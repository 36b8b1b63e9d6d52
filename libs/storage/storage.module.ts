import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig, APP_CONFIG } from '../config';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStorage(join(config.dataDir, 'files')),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
