import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';

/** The one injection token for configuration; inject with @Inject(APP_CONFIG). */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
