import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { widenLongText } from './long-text';
import { migrate } from './migrate';
import { TransactionRunner } from './transaction-runner';

export interface DatabaseModuleOptions {
  options: DataSourceOptions;
  /** Apply pending migrations when the data source opens (default true). */
  migrateOnStart?: boolean;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot({ options, migrateOnStart = true }: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => options,
          dataSourceFactory: async (opts) => {
            const dataSource = widenLongText(await new DataSource(opts!).initialize());
            if (migrateOnStart) await migrate(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
